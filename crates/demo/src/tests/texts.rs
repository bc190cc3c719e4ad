//! Texts: four languages everywhere, each in its own script.

use std::collections::BTreeSet;

use db::seed::{CatalogueSeed, GroupSeedKind};
use domain::language::{Language, LocalizedText};

use super::products;
use crate::catalogue;

/// Names a traveller tells places and products apart by.
fn names(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let workshops = seed.workshops.iter().map(|w| (w.code.clone(), &w.names));
    let counters = seed.counters.iter().map(|c| (c.code.clone(), &c.names));
    let products = products(seed).map(|(_, p)| (p.code.clone(), &p.names));
    workshops.chain(counters).chain(products).collect()
}

/// Names, descriptions and addresses: the prose of the catalogue.
fn prose(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let mut texts = names(seed);
    texts.extend(
        seed.workshops
            .iter()
            .map(|w| (w.code.clone(), &w.descriptions)),
    );
    texts.extend(seed.counters.iter().map(|c| (c.code.clone(), &c.addresses)));
    texts.extend(products(seed).map(|(_, p)| (p.code.clone(), &p.descriptions)));
    texts
}

/// Every text in the catalogue, with where it is.
fn every_text(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let mut texts = prose(seed);
    for (_, product) in products(seed) {
        for group in &product.groups {
            texts.push((format!("{}/{}", product.code, group.code), &group.labels));
            if let GroupSeedKind::Choice(values) = &group.kind {
                for v in values {
                    texts.push((
                        format!("{}/{}/{}", product.code, group.code, v.code),
                        &v.labels,
                    ));
                }
            }
        }
    }
    texts
}

#[test]
fn every_text_is_written_in_all_four_languages() {
    let seed = catalogue();
    for (place, text) in every_text(&seed) {
        assert_eq!(text.entries().count(), Language::ALL.len(), "{place}");
        for (language, words) in text.entries() {
            assert!(!words.trim().is_empty(), "{place} is empty in {language}");
            assert_eq!(
                words,
                words.trim(),
                "{place} has stray spaces in {language}"
            );
        }
    }
}

#[test]
fn no_name_is_accidentally_the_same_in_two_languages() {
    let seed = catalogue();
    for (place, text) in names(&seed) {
        let distinct: BTreeSet<&str> = text.entries().map(|(_, words)| words).collect();
        assert_eq!(distinct.len(), Language::ALL.len(), "{place}: {text:?}");
    }
}

#[test]
fn korean_japanese_and_chinese_prose_is_written_in_its_own_script() {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let kana = |c: char| ('\u{3040}'..='\u{30FF}').contains(&c);
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let seed = catalogue();
    for (place, text) in prose(&seed) {
        let ko = text.get(Language::Ko);
        let ja = text.get(Language::Ja);
        let zh = text.get(Language::Zh);
        assert!(ko.chars().any(hangul), "{place} in Korean: {ko}");
        assert!(
            ja.chars().any(|c| kana(c) || han(c)),
            "{place} in Japanese: {ja}"
        );
        assert!(!ja.chars().any(hangul), "{place} in Japanese: {ja}");
        assert!(zh.chars().any(han), "{place} in Chinese: {zh}");
        assert!(
            !zh.chars().any(|c| kana(c) || hangul(c)),
            "{place} in Chinese: {zh}"
        );
    }
}
