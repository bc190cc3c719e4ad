//! The one page shell: a mobile viewport, a compact inline stylesheet (no scripts, no
//! external files), a navigation bar that printing hides, and the message banners.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::i18n::StaffLang;

/// The stylesheet of every page (inline, as the CSP allows).
const STYLE: &str = r#"
:root{--ink:#1d232b;--muted:#5b6673;--line:#d9dee4;--bg:#f5f6f8;--card:#fff;--accent:#0b5cad;
--risk:#b3261e;--risk-bg:#fdecea;--ok:#1e6b35;--ok-bg:#e6f4ea;--warn-bg:#fff4d6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans KR","Noto Sans CJK KR",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
main{max-width:60rem;margin:0 auto;padding:.75rem .75rem 2rem}
h1{font-size:1.35rem;margin:.5rem 0 .75rem;line-height:1.25}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
p{margin:.4rem 0}
.lead{font-size:1.05rem}
.muted{color:var(--muted)}
.small{font-size:.85rem}
nav.top{background:#14202e;color:#fff;padding:.5rem .75rem;display:flex;flex-wrap:wrap;gap:.35rem .9rem;align-items:center}
nav.top .brand{font-weight:700;letter-spacing:.02em;margin-right:auto}
nav.top a{color:#fff;text-decoration:none;padding:.35rem .1rem;border-bottom:2px solid transparent}
nav.top a[aria-current=page]{border-bottom-color:#8cc4ff}
nav.top form{margin:0}
nav.top button{background:none;border:1px solid #6d7b8b;color:#fff;border-radius:6px;padding:.3rem .6rem;font-size:.9rem}
.who{width:100%;font-size:.8rem;color:#b9c4d0}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.75rem .9rem;margin:.75rem 0}
.banner{border-radius:8px;padding:.6rem .8rem;margin:.75rem 0;font-weight:500}
.banner.error{background:var(--risk-bg);color:var(--risk);border:1px solid #f3b8b3}
.banner.ok{background:var(--ok-bg);color:var(--ok);border:1px solid #b7dfc2}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:600;background:#e8ecf1;color:#2b3642;white-space:nowrap}
.badge.risk{background:var(--risk);color:#fff}
.badge.s-queued{background:#fff4d6;color:#7a5300}
.badge.s-accepted,.badge.s-in_production,.badge.s-quality_check{background:#e3eefb;color:#0b4a8b}
.badge.s-ready,.badge.s-dispatched,.badge.s-received{background:var(--ok-bg);color:var(--ok)}
.badge.s-declined,.badge.s-cancelled{background:#eee;color:#666}
dl.facts{display:grid;grid-template-columns:minmax(6.5rem,38%) minmax(0,1fr);gap:.3rem .9rem;margin:.25rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;font-weight:500;overflow-wrap:anywhere}
.card>h2:first-child{margin-top:0}
img.preview{display:block;width:100%;max-width:512px;height:auto;border:1px solid var(--line);border-radius:8px;background:#fff}
h3{font-size:1rem;margin:.9rem 0 .3rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.03em}
tr.risk td{background:var(--risk-bg)}
.queue a.num{font-weight:700;font-variant-numeric:tabular-nums}
@media (max-width:40rem){
 table.queue thead{display:none}
 table.queue,table.queue tbody{display:block;width:100%}
 table.queue tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:.15rem .5rem;background:var(--card);border:1px solid var(--line);border-radius:10px;margin:.5rem 0;padding:.55rem .75rem}
 table.queue tr.risk{border:2px solid var(--risk);background:var(--risk-bg)}
 table.queue td{display:block;border:0;padding:0;background:none!important}
 table.queue td.c-ticket{order:1}
 table.queue td.c-status{order:2;margin-left:auto}
 table.queue td.c-product{order:3;flex:1 0 calc(100% - 4rem);font-weight:600}
 table.queue td.c-qty{order:4}
 table.queue td.c-qty::before{content:"× "}
 table.queue td.c-due,table.queue td.c-counter{flex-basis:100%;display:flex;gap:.5rem;font-size:.92rem}
 table.queue td.c-due{order:5}
 table.queue td.c-counter{order:6}
 table.queue td.c-due::before,table.queue td.c-counter::before{content:attr(data-label);color:var(--muted);min-width:4rem;font-size:.85rem}
}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
label{display:block;font-weight:500;margin:.5rem 0 .2rem}
input,textarea,select{font:inherit;padding:.55rem .6rem;border:1px solid #b8c1cb;border-radius:8px;width:100%;background:#fff}
form.inline input{flex:1 1 7rem;width:auto;min-width:0}
button,.button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:.6rem 1rem;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block;min-height:2.75rem}
button.secondary,.button.secondary{background:#e8ecf1;color:var(--ink)}
button.danger{background:var(--risk)}
.actions{display:grid;gap:.5rem}
ol.history{list-style:none;padding:0;margin:0}
ol.history li{padding:.45rem 0;border-bottom:1px solid var(--line)}
ol.history li:last-child{border-bottom:0}
.empty{color:var(--muted);font-style:italic}
ul.plain{list-style:none;padding:0;margin:0}
ul.plain li{padding:.5rem 0;border-bottom:1px solid var(--line)}
ul.plain li:last-child{border-bottom:0}
fieldset.plain{border:0;padding:0;margin:.5rem 0}
form.lang-switch{margin:2rem 0 0;text-align:right}
fieldset.plain legend{font-weight:500;padding:0;margin-bottom:.2rem}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.35rem 0}
label.check input{width:1.3rem;height:1.3rem;flex:none}
.grid2{display:grid;gap:0 1rem}
@media (min-width:48rem){.grid2{grid-template-columns:1fr 1fr}}
@media print{
 nav.top,.no-print,form{display:none!important}
 body{background:#fff}
 .card{border:0;padding:0}
 a{color:inherit;text-decoration:none}
}
"#;

/// The navigation of a signed-in page.
pub(super) struct Nav {
    /// Who is signed in, and for which place.
    pub who: String,
    /// `(href, label)` of the place's pages.
    pub links: Vec<(&'static str, &'static str)>,
    /// The href of the page shown (marked as current).
    pub current: &'static str,
}

impl Nav {
    /// The workshop's navigation.
    pub fn workshop(email: &str, workshop: &str, current: &'static str) -> Nav {
        Nav {
            who: format!("{email} · {workshop}"),
            links: vec![("/workshop", "Queue"), ("/workshop/calendar", "Calendar")],
            current,
        }
    }
}

/// A whole page in `lang`: `title`, the navigation when signed in, the language switch
/// (back to `here`), and `body` inside `<main>`.
pub(super) fn page(
    lang: StaffLang,
    here: &str,
    title: &str,
    nav: Option<&Nav>,
    body: Markup,
) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                // No favicon request (it would be a 404 on every page).
                link rel="icon" href="data:,";
                title { (title) " · Gongbang" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                @if nav.is_none() {
                    nav.top aria-label="Gongbang" { span.brand { "Gongbang" } span.small { "Staff" } }
                }
                @if let Some(nav) = nav {
                    nav.top aria-label="Main" {
                        span.brand { "Gongbang" }
                        @for (href, label) in &nav.links {
                            @if *href == nav.current {
                                a href=(href) aria-current="page" { (label) }
                            } @else {
                                a href=(href) { (label) }
                            }
                        }
                        form method="post" action="/staff/logout" {
                            button type="submit" { (lang.pick("Sign out", "로그아웃")) }
                        }
                        span.who { (nav.who) }
                    }
                }
                main {
                    (body)
                    (switch(lang, here))
                }
            }
        }
    }
}

/// The language switch: one button for the language not shown.
fn switch(lang: StaffLang, here: &str) -> Markup {
    let (other, label) = match lang {
        StaffLang::En => (StaffLang::Ko, "한국어"),
        StaffLang::Ko => (StaffLang::En, "English"),
    };
    html! {
        form.lang-switch.no-print method="post" action="/staff/language" {
            input type="hidden" name="lang" value=(other.code());
            input type="hidden" name="back" value=(here);
            button.secondary type="submit" lang=(other.code()) { (label) }
        }
    }
}

/// A message above a page's content: what just happened, or what went wrong.
pub(super) enum Banner {
    /// Done.
    Ok(String),
    /// Refused, with the reason.
    Error(String),
}

/// The banner's markup (nothing for `None`).
pub(super) fn banner(banner: Option<&Banner>) -> Markup {
    html! {
        @match banner {
            Some(Banner::Ok(text)) => p.banner.ok role="status" { (text) },
            Some(Banner::Error(text)) => p.banner.error role="alert" { (text) },
            None => {},
        }
    }
}
