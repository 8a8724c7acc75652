//! How adding containers to one task definition scales: `cargo bench --bench containers -- N`
//! (default 10,000). Each add renders only the new container, so the time grows linearly.

use ecs_app::prelude::*;

fn main() -> Result<(), Error> {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let mut app = App::new();
    let s = app.add_stack("Many")?;
    let td = Ec2TaskDefinition::new(&mut app, s, "TaskDef", Default::default())?;
    let t = std::time::Instant::now();
    for i in 0..n {
        td.add_container(
            &mut app,
            &format!("c{i}"),
            ContainerDefinitionOptions::default()
                .image(ContainerImage::from_registry("nginx"))
                .memory_limit_mib(16),
        )?;
    }
    let added = t.elapsed();
    let t = std::time::Instant::now();
    app.templates()?;
    eprintln!(
        "{n} containers: added in {added:.2?}, rendered in {:.2?}",
        t.elapsed()
    );
    Ok(())
}
