use proc_macro::TokenStream; #[proc_macro] pub fn ecs_app(t: TokenStream)->TokenStream{t}
