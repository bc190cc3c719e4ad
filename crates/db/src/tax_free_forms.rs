//! Tax-free forms: one per order, issued together with its first handover, and read back
//! per traveller so that the trip's cap counts every order of the traveller (what a form
//! is, and what counts as one traveller and one trip: `domain::tax_free`).
//!
//! The caller decides every figure with the domain rules; this module stores a form in
//! the handover's transaction, numbered after the traveller's forms the caller saw, so
//! that two desks issuing forms for one traveller at once cannot both pass the cap.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use time::OffsetDateTime;

use domain::money::Krw;
use domain::order::OrderId;
use domain::tax_free::{EarlierForm, FormId, FormTerms, Stay, TravellerKey};

use crate::Error;
use crate::entities::{handover, tax_free_form};
use crate::error::is_unique_violation;

/// A form as stored, with what was refunded on it so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxFreeForm {
    /// Its id.
    pub id: FormId,
    /// The order it covers.
    pub order_id: OrderId,
    /// The stay it was issued in.
    pub stay: Stay,
    /// Its purchase, refund and the trip's purchases before it.
    pub terms: FormTerms,
    /// When it was issued.
    pub issued_at: OffsetDateTime,
    /// The refunds its order's handovers paid so far.
    pub refunded: Krw,
}

impl TaxFreeForm {
    /// The form as the trip's cap sees it.
    pub fn earlier(&self) -> EarlierForm {
        EarlierForm {
            stay: self.stay,
            purchase: self.terms.purchase,
            refund: self.terms.refund,
        }
    }
}

/// A form decided by the caller, issued with a handover.
#[derive(Debug, Clone)]
pub struct NewTaxFreeForm<'a> {
    /// Who it is for.
    pub traveller: &'a TravellerKey,
    /// How many forms of this traveller the caller saw: nothing is written if another
    /// one was issued meanwhile (the trip's cap would be checked against too little).
    pub earlier_forms: usize,
    /// The stay it is issued in.
    pub stay: Stay,
    /// Its figures.
    pub terms: FormTerms,
}

/// The forms of a traveller, oldest first, each with what its handovers refunded.
pub async fn for_traveller(
    db: &impl ConnectionTrait,
    traveller: &TravellerKey,
) -> Result<Vec<TaxFreeForm>, Error> {
    let rows = tax_free_form::Entity::find()
        .filter(tax_free_form::Column::Traveller.eq(traveller.as_str()))
        .order_by_asc(tax_free_form::Column::TravellerFormNo)
        .all(db)
        .await?;
    let orders: Vec<&str> = rows.iter().map(|r| r.order_id.as_str()).collect();
    let mut refunded: BTreeMap<String, i64> = BTreeMap::new();
    let handovers = handover::Entity::find()
        .filter(handover::Column::OrderId.is_in(orders))
        .all(db)
        .await?;
    for row in handovers {
        *refunded.entry(row.order_id).or_default() += row.tax_refund_krw;
    }
    rows.into_iter()
        .map(|row| {
            Ok(TaxFreeForm {
                id: FormId(row.id),
                refunded: Krw::new(refunded.get(&row.order_id).copied().unwrap_or(0)),
                order_id: OrderId::parse(&row.order_id)?,
                stay: Stay {
                    arrival: row.stay_from,
                    departure: row.stay_until,
                },
                terms: FormTerms {
                    purchase: Krw::new(row.purchase_krw),
                    refund: Krw::new(row.refund_krw),
                    trip_purchases_before: Krw::new(row.trip_purchases_before_krw),
                },
                issued_at: row.issued_at,
            })
        })
        .collect()
}

/// Issues a form for `order_id` (inside the handover's transaction). `Ok(None)` when the
/// order already has one or the traveller got another one meanwhile (nothing written:
/// look again and retry).
pub(crate) async fn issue(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
    new: &NewTaxFreeForm<'_>,
    at: OffsetDateTime,
) -> Result<Option<FormId>, Error> {
    let seen = tax_free_form::Entity::find()
        .filter(tax_free_form::Column::Traveller.eq(new.traveller.as_str()))
        .all(txn)
        .await?;
    if seen.len() != new.earlier_forms {
        return Ok(None);
    }
    let number = i32::try_from(new.earlier_forms + 1)
        .map_err(|_| Error::Corrupt(format!("{} forms for one traveller", seen.len())))?;
    let inserted = tax_free_form::ActiveModel {
        order_id: Set(order_id.to_string()),
        traveller: Set(new.traveller.to_string()),
        traveller_form_no: Set(number),
        stay_from: Set(new.stay.arrival),
        stay_until: Set(new.stay.departure),
        purchase_krw: Set(new.terms.purchase.won()),
        refund_krw: Set(new.terms.refund.won()),
        trip_purchases_before_krw: Set(new.terms.trip_purchases_before.won()),
        issued_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await;
    match inserted {
        Ok(row) => Ok(Some(FormId(row.id))),
        // Another desk issued a form for this order or this traveller in the same instant.
        Err(error) if is_unique_violation(&error) => Ok(None),
        Err(error) => Err(error.into()),
    }
}
