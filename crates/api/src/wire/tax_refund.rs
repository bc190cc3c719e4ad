//! The immediate tax refund as the counter shows it: the order's tax-free form, what a
//! handover refunds on it and why, and the traveller's trip so far, with the reason in
//! words in English or Korean (the staff's languages; others read English).

use serde::Serialize;
use utoipa::ToSchema;

use domain::language::Language;
use domain::money::Krw;

/// The immediate tax (VAT) refund of a handover, and why it is what it is. An order is
/// one purchase on one tax-free form, issued at its first handover; each handover
/// refunds the form's refund in proportion to the goods it hands over.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaxRefundView {
    /// The order's tax-free form (`TF000012`); null until its first handover issues it.
    pub form: Option<String>,
    /// The purchase on the form: the order's items that are not cancelled or declined.
    pub purchase_krw: i64,
    /// `eligible`, `below-minimum` (under ₩15,000), `above-maximum` (over ₩1,000,000) or
    /// `over-trip-cap` (the traveller's immediate-refund purchases on this trip would pass
    /// ₩5,000,000).
    pub eligibility: &'static str,
    /// The form's whole immediate refund (0 when not eligible).
    pub form_refund_krw: i64,
    /// Refunded on this form by earlier handovers.
    pub refunded_on_form_krw: i64,
    /// Refunded by this handover (or, before it, what it would refund).
    pub refund_krw: i64,
    /// The traveller's other forms on this trip (same passport digits and name,
    /// overlapping stays).
    pub trip_forms: usize,
    /// What those forms refunded.
    pub trip_refunded_krw: i64,
    /// Their purchases refunded on the spot, counted against the trip's cap.
    pub trip_purchases_krw: i64,
    /// The cap on a trip's immediate-refund purchases (₩5,000,000).
    pub trip_cap_krw: i64,
    /// All of it in words, in the negotiated language (English or Korean).
    pub detail: String,
}

impl TaxRefundView {
    /// The refund and its reason in words.
    pub(crate) fn explain(&self, language: Language) -> String {
        let words = match language {
            Language::Ko => &KOREAN,
            _ => &ENGLISH,
        };
        let won = |amount: i64| Krw::new(amount).to_string();
        let form = self
            .form
            .clone()
            .unwrap_or_else(|| words.new_form.to_owned());
        let reason = match self.eligibility {
            "eligible" => words.eligible,
            "below-minimum" => words.below_minimum,
            "above-maximum" => words.above_maximum,
            _ => words.over_trip_cap,
        };
        let fill = |text: &str| {
            text.replace("{refund}", &won(self.refund_krw))
                .replace("{form}", &form)
                .replace("{purchase}", &won(self.purchase_krw))
                .replace("{form_refund}", &won(self.form_refund_krw))
                .replace("{before}", &won(self.refunded_on_form_krw))
                .replace("{min}", &won(domain::tax_free::MIN_PURCHASE.won()))
                .replace("{max}", &won(domain::tax_free::MAX_PURCHASE.won()))
                .replace("{forms}", &self.trip_forms.to_string())
                .replace("{trip_refunded}", &won(self.trip_refunded_krw))
                .replace("{trip_purchases}", &won(self.trip_purchases_krw))
                .replace("{cap}", &won(self.trip_cap_krw))
        };
        format!(
            "{}; {}; {}",
            fill(words.refund),
            fill(reason),
            fill(words.trip)
        )
    }
}

/// The sentences of [`TaxRefundView::explain`] in one language.
struct Words {
    new_form: &'static str,
    refund: &'static str,
    eligible: &'static str,
    below_minimum: &'static str,
    above_maximum: &'static str,
    over_trip_cap: &'static str,
    trip: &'static str,
}

const ENGLISH: Words = Words {
    new_form: "a new tax-free form",
    refund: "tax refund {refund} on {form} (purchase {purchase}, form refund {form_refund}, {before} refunded on it before)",
    eligible: "the purchase is within {min}–{max}: refunded on the spot",
    below_minimum: "no immediate refund: the purchase is below {min}",
    above_maximum: "no immediate refund: the purchase is above {max}, however it is collected (the traveller can claim at the airport)",
    over_trip_cap: "no immediate refund: with it the traveller's immediate-refund purchases on this trip would pass the cap of {cap}",
    trip: "{trip_refunded} already refunded on {forms} other form(s) on this trip, for purchases of {trip_purchases} (cap {cap})",
};

const KOREAN: Words = Words {
    new_form: "새 면세 서류",
    refund: "세금 환급 {refund}, {form} (구매액 {purchase}, 서류 환급액 {form_refund}, 이전 환급 {before})",
    eligible: "구매액이 {min}~{max} 범위라 즉시 환급합니다",
    below_minimum: "즉시 환급 불가: 구매액이 {min} 미만입니다",
    above_maximum: "즉시 환급 불가: 나누어 받아도 구매액이 {max}을 넘습니다 (공항에서 환급 신청 가능)",
    over_trip_cap: "즉시 환급 불가: 이번 여행의 즉시 환급 구매액이 한도 {cap}을 넘게 됩니다",
    trip: "이번 여행의 다른 서류 {forms}건으로 이미 {trip_refunded} 환급 (구매액 {trip_purchases}, 한도 {cap})",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_above_the_limit() -> TaxRefundView {
        TaxRefundView {
            form: Some("TF000003".into()),
            purchase_krw: 1_615_000,
            eligibility: "above-maximum",
            form_refund_krw: 0,
            refunded_on_form_krw: 0,
            refund_krw: 0,
            trip_forms: 1,
            trip_refunded_krw: 6_900,
            trip_purchases_krw: 120_000,
            trip_cap_krw: 5_000_000,
            detail: String::new(),
        }
    }

    #[test]
    fn the_reason_is_told_in_english_and_korean() {
        let view = refused_above_the_limit();
        let english = view.explain(Language::En);
        assert_eq!(
            english,
            "tax refund ₩0 on TF000003 (purchase ₩1,615,000, form refund ₩0, ₩0 refunded on it \
             before); no immediate refund: the purchase is above ₩1,000,000, however it is \
             collected (the traveller can claim at the airport); ₩6,900 already refunded on 1 \
             other form(s) on this trip, for purchases of ₩120,000 (cap ₩5,000,000)"
        );
        let korean = view.explain(Language::Ko);
        assert!(
            korean.contains("즉시 환급 불가") && korean.contains("₩1,000,000"),
            "{korean}"
        );
        assert!(
            korean.contains("TF000003") && korean.contains("한도 ₩5,000,000"),
            "{korean}"
        );
        assert_eq!(view.explain(Language::Ja), english);
    }
}
