//! The immediate tax refund of a handover, decided with `domain::tax_free`: the order's
//! tax-free form (the stored one, or the one its first handover issues), this handover's
//! share of it, and the traveller's other forms on the same trip.

use time::OffsetDateTime;

use db::tax_free_forms::{NewTaxFreeForm, TaxFreeForm};
use domain::language::Language;
use domain::money::Krw;
use domain::order::{OrderId, Trip};
use domain::tax_free::{
    EarlierForm, FormId, FormTerms, MAX_PER_TRIP, RefundTable, Stay, TravellerKey, trip_of,
};

use crate::wire::TaxRefundView;

/// What the tax refund of an order depends on.
pub(super) struct RefundFacts<'a> {
    pub(super) order_id: &'a OrderId,
    pub(super) trip: &'a Trip,
    /// The order's goods: its items not cancelled or declined.
    pub(super) purchase: Krw,
    /// The goods of its earlier handovers.
    pub(super) handed_over: Krw,
    /// What its earlier handovers refunded.
    pub(super) refunded: Krw,
    /// The traveller's forms, of every order and trip.
    pub(super) forms: &'a [TaxFreeForm],
}

/// The refund of one handover, with what explains it.
pub(super) struct TaxRefund {
    /// The order's stored form; `None` when this handover issues it.
    form: Option<FormId>,
    stay: Stay,
    terms: FormTerms,
    refunded_on_form: Krw,
    /// What this handover refunds.
    pub(super) refund: Krw,
    trip_forms: usize,
    trip_refunded: Krw,
    trip_purchases: Krw,
}

/// Decides the refund of handing over goods worth `handing_over` now.
pub(super) fn decide(facts: &RefundFacts<'_>, handing_over: Krw, now: OffsetDateTime) -> TaxRefund {
    let own = facts.forms.iter().find(|f| &f.order_id == facts.order_id);
    let others: Vec<&TaxFreeForm> = facts
        .forms
        .iter()
        .filter(|f| &f.order_id != facts.order_id)
        .collect();
    let earlier: Vec<EarlierForm> = others.iter().map(|f| f.earlier()).collect();
    let (form, stay, terms) = match own {
        Some(form) => (Some(form.id), form.stay, form.terms),
        None => {
            let stay = Stay::of(facts.trip, now);
            let terms = FormTerms::issue(&RefundTable::standard(), facts.purchase, &stay, &earlier);
            (None, stay, terms)
        }
    };
    let trip = trip_of(&stay, &earlier);
    let on_trip: Vec<&&TaxFreeForm> = others.iter().filter(|f| f.stay.overlaps(&trip)).collect();
    let immediate = on_trip.iter().filter(|f| f.terms.refund > Krw::ZERO);
    TaxRefund {
        form,
        stay,
        terms,
        refunded_on_form: facts.refunded,
        refund: terms.share(facts.handed_over, facts.refunded, handing_over),
        trip_forms: on_trip.len(),
        trip_refunded: Krw::new(on_trip.iter().map(|f| f.refunded.won()).sum()),
        trip_purchases: Krw::new(immediate.map(|f| f.terms.purchase.won()).sum()),
    }
}

impl TaxRefund {
    /// The form to issue with this handover, when the order has none yet.
    pub(super) fn new_form<'k>(
        &self,
        traveller: &'k TravellerKey,
        earlier_forms: usize,
    ) -> Option<NewTaxFreeForm<'k>> {
        self.form.is_none().then_some(NewTaxFreeForm {
            traveller,
            earlier_forms,
            stay: self.stay,
            terms: self.terms,
        })
    }

    /// As the counter shows it; `form` names the form when it was just issued.
    pub(super) fn view(&self, form: Option<FormId>, language: Language) -> TaxRefundView {
        let mut view = TaxRefundView {
            form: self.form.or(form).map(FormId::number),
            purchase_krw: self.terms.purchase.won(),
            eligibility: self.terms.eligibility().code(),
            form_refund_krw: self.terms.refund.won(),
            refunded_on_form_krw: self.refunded_on_form.won(),
            refund_krw: self.refund.won(),
            trip_forms: self.trip_forms,
            trip_refunded_krw: self.trip_refunded.won(),
            trip_purchases_krw: self.trip_purchases.won(),
            trip_cap_krw: MAX_PER_TRIP.won(),
            detail: String::new(),
        };
        view.detail = view.explain(language);
        view
    }
}
