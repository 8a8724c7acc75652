//! What `ecs_app!` evaluates to: the app, and a handle for every construct it declared, so
//! builder code can extend those constructs before synthesis.

use std::ops::{Deref, DerefMut};

use crate::construct::app::App;

/// An app with the handles of the constructs that built it: `ecs_app!` evaluates to
/// `Result<Built<H>, Error>`, where `H` is a struct the macro generates with a field per stack,
/// each a struct with a field per named construct (`built.handles.Web.Service`).
///
/// It dereferences to the [`App`], so `let app = ecs_app! { … }?; app.synth()?;` reads as
/// before; take it apart (`let Built { mut app, handles } = …`) to call builder methods on the
/// handles with `&mut app`, and convert it with `App::from` where an `App` is expected.
///
/// ```
/// use ecs_core::prelude::*;
/// let mut app = App::new();
/// let s = app.add_stack("Web")?;
/// let built = Built { app, handles: s };
/// assert_eq!(built.stack(built.handles).name(), "Web");
/// let app: App = built.into();
/// assert_eq!(app.stacks().len(), 1);
/// # Ok::<(), ecs_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Built<H> {
    /// The app.
    pub app: App,
    /// The handles of its constructs.
    pub handles: H,
}

impl<H> Built<H> {
    /// The app, without the handles.
    pub fn into_app(self) -> App {
        self.app
    }

    /// The app and the handles.
    pub fn into_parts(self) -> (App, H) {
        (self.app, self.handles)
    }
}

impl<H> Deref for Built<H> {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl<H> DerefMut for Built<H> {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

impl<H> From<Built<H>> for App {
    fn from(built: Built<H>) -> App {
        built.app
    }
}
