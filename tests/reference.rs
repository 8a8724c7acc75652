//! The generated reference of every kind and property stays fresh, and the schema it is read
//! from is consistent.

use ecs_app::schema::{Build, KINDS, KindId, PropType, kind};

#[test]
fn docs_reference_matches_the_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md");
    let generated = ecs_app::schema::reference_markdown();
    if std::env::var("REFERENCE").as_deref() == Ok("overwrite") {
        std::fs::write(path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/reference.md is stale: run `REFERENCE=overwrite cargo test --test reference`"
    );
}

#[test]
fn every_kind_has_one_entry_with_a_unique_noun() {
    for k in KINDS {
        assert!(std::ptr::eq(kind(k.id), k), "{:?} has two entries", k.id);
        let same_noun = KINDS.iter().filter(|o| o.noun == k.noun).count();
        assert_eq!(same_noun, 1, "noun `{}` is not unique", k.noun);
    }
}

#[test]
fn object_values_are_of_object_kinds() {
    for k in KINDS {
        for p in k.props {
            if let PropType::Object(id) | PropType::Objects(id) = p.ty {
                let object = kind(id);
                let ok = matches!(object.build, Build::Object(_))
                    || matches!(id, KindId::PortMapping | KindId::TargetObject);
                assert!(
                    ok,
                    "`{}.{}` holds `{}`, which is not an object kind",
                    k.keyword, p.name, object.keyword
                );
            }
        }
    }
}

#[test]
fn added_kinds_are_children_and_property_names_are_unique() {
    for k in KINDS {
        if matches!(k.build, Build::Add(..) | Build::AddRef(..)) {
            assert!(
                KINDS.iter().any(|p| p.children.contains(&k.id)),
                "`{}` is added by a parent but no kind holds it",
                k.keyword
            );
        }
        for (i, p) in k.props.iter().enumerate() {
            assert!(
                k.props[..i].iter().all(|q| q.name != p.name),
                "`{}` declares `{}` twice",
                k.keyword,
                p.name
            );
            assert!(
                !p.cdk.is_empty(),
                "`{}.{}` has no CDK name",
                k.keyword,
                p.name
            );
        }
    }
}
