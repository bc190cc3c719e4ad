//! Looks: every product can be previewed in every configuration the widget offers, with
//! the same renderer the widget and the server use.

use std::collections::BTreeMap;

use db::catalogue::Look;
use db::seed::{GroupSeedKind, ProductSeed};
use preview::{ProductLook, Swatch, render};

use super::{domain_product, options, products};
use crate::catalogue;

/// The look as the renderer reads it; panics on a code it does not know.
fn product_look(product: &ProductSeed) -> (&Look, ProductLook) {
    let code = &product.code;
    let look = product
        .look
        .as_ref()
        .unwrap_or_else(|| panic!("{code} has no look"));
    let swatches = look
        .swatches
        .iter()
        .map(|(value, swatch)| {
            let parsed: Swatch = swatch
                .parse()
                .unwrap_or_else(|e| panic!("{code} swatch {value}: {e}"));
            (value.clone(), parsed)
        })
        .collect();
    let parsed = ProductLook {
        art: look
            .art
            .parse()
            .unwrap_or_else(|e| panic!("{code} art: {e}")),
        body_group: look.body.clone(),
        trim_group: look.trim.clone(),
        monogram_group: look.monogram.clone(),
        swatches,
    };
    (look, parsed)
}

/// The value codes of a choice group of the product.
fn values<'p>(product: &'p ProductSeed, group: &str) -> Vec<&'p str> {
    let found = product.groups.iter().find(|g| g.code == group);
    match found.map(|g| &g.kind) {
        Some(GroupSeedKind::Choice(values)) => values.iter().map(|v| v.code.as_str()).collect(),
        _ => panic!("{}: {group} is not a choice group", product.code),
    }
}

fn defaults(product: &ProductSeed) -> BTreeMap<String, String> {
    let configured = domain_product(product).configure(&BTreeMap::new());
    configured
        .unwrap_or_else(|e| panic!("{}: {e:?}", product.code))
        .as_map()
}

#[test]
fn every_product_has_a_look_with_a_swatch_for_every_value_it_colours() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let (look, _) = product_look(product);
        let mut coloured: Vec<&str> = values(product, &look.body);
        if let Some(trim) = &look.trim {
            coloured.extend(values(product, trim));
        }
        for value in &coloured {
            assert!(
                look.swatches.contains_key(*value),
                "{}: no swatch for {value}",
                product.code
            );
        }
        for value in look.swatches.keys() {
            assert!(
                coloured.contains(&value.as_str()),
                "{}: swatch {value} colours nothing",
                product.code
            );
        }
        if let Some(group) = &look.monogram {
            let found = product.groups.iter().find(|g| &g.code == group);
            assert!(
                matches!(found.map(|g| &g.kind), Some(GroupSeedKind::Text { .. })),
                "{}: {group} is not a text group",
                product.code
            );
        }
    }
}

#[test]
fn every_monogram_character_is_in_the_preview_font() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        for group in &product.groups {
            let GroupSeedKind::Text { allowed, .. } = &group.kind else {
                continue;
            };
            for character in allowed.chars() {
                assert!(
                    preview::font_covers(character),
                    "{}/{}: the monogram font cannot draw {character:?}",
                    product.code,
                    group.code
                );
            }
        }
    }
}

#[test]
fn every_product_renders_with_its_defaults() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let (_, look) = product_look(product);
        let spec = look
            .spec(&defaults(product), None)
            .unwrap_or_else(|e| panic!("{}: {e}", product.code));
        let image = render(&spec, 128).unwrap_or_else(|e| panic!("{}: {e}", product.code));
        assert_eq!(image.dimensions(), (128, 128), "{}", product.code);
    }
}

#[test]
fn every_coloured_value_and_a_monogram_render() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let (raw, look) = product_look(product);
        let groups = std::iter::once(&raw.body).chain(&raw.trim);
        for group in groups {
            for value in values(product, group) {
                let mut configuration = defaults(product);
                configuration.extend(options(&[(group, value)]));
                if let Some(monogram) = &raw.monogram {
                    configuration.insert(monogram.clone(), "MT".into());
                }
                let spec = look.spec(&configuration, None);
                let rendered = spec.and_then(|spec| render(&spec, 64));
                rendered.unwrap_or_else(|e| panic!("{}/{group}/{value}: {e}", product.code));
            }
        }
    }
}
