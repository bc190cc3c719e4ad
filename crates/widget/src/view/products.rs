//! The first step: the product list, or the chosen product with a button to change it.

use std::fmt::Write;

use crate::app::App;
use crate::format::krw;
use crate::html::esc;
use crate::i18n::{self, T};

/// The products as cards, or the chosen one once the list is folded.
pub(super) fn products(app: &App) -> String {
    let Some(catalogue) = &app.catalogue else {
        return format!(r#"<p class="muted">{}</p>"#, app.t(T::Loading));
    };
    if let (Some(product), false) = (app.product(), app.choosing) {
        return format!(
            r#"<div class="chosen"><p>{}</p><button type="button" class="secondary" data-act="change-product">{}</button></div>"#,
            app.f(
                T::Chosen,
                &[(
                    "product",
                    &format!("<strong>{}</strong>", esc(&product.name))
                )]
            ),
            app.t(T::ChangeProduct)
        );
    }
    let mut html = String::from(r#"<ul class="cards" id="products">"#);
    for product in &catalogue.products {
        let category = i18n::category_name(&product.category).map_or("", |k| app.t(k));
        let workshop = app
            .workshop_name(product.workshop_id)
            .map(|name| app.f(T::ByWorkshop, &[("workshop", name)]))
            .unwrap_or_default();
        let current = app.draft.product.as_deref() == Some(product.code.as_str());
        let _ = write!(
            html,
            r#"<li class="card{}"><h3><button type="button" class="card-button" data-act="choose" data-value="{}" aria-describedby="about-{}"{}>{}</button></h3><p class="meta" id="about-{}"><span class="tag">{}</span> {} · <strong>{}</strong></p><p class="desc">{}</p></li>"#,
            if current { " current" } else { "" },
            esc(&product.code),
            esc(&product.code),
            if current {
                r#" aria-current="true""#
            } else {
                ""
            },
            esc(&product.name),
            esc(&product.code),
            category,
            esc(&workshop),
            app.f(T::PriceFrom, &[("price", &krw(product.base_price_krw))]),
            esc(&product.description)
        );
    }
    html.push_str("</ul>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tests_support::app;

    #[test]
    fn catalogue_texts_are_escaped() {
        assert_eq!(esc(r#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
        let mut app = app(Lang::En);
        if let Some(c) = app.catalogue.as_mut() {
            c.products[0].name = "<script>x</script>".into();
        }
        let html = products(&app);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    }
}
