//! Idempotency keys: which order a key placed, with the fingerprint of its request.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use time::OffsetDateTime;

use domain::order::{IdempotencyRecord, OrderId};

use crate::Error;
use crate::entities::idempotency_key;

/// The fingerprint stored under an idempotency key and the order it placed.
pub async fn find_idempotency_key(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<(IdempotencyRecord, OrderId)>, Error> {
    let row = idempotency_key::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    row.map(|row| {
        let order_id = OrderId::parse(&row.order_id)?;
        let record = IdempotencyRecord {
            key: row.key,
            request_hash: row.request_hash,
        };
        Ok((record, order_id))
    })
    .transpose()
}

/// Forgets idempotency keys stored before `cutoff`.
pub async fn purge_idempotency_keys(
    db: &impl ConnectionTrait,
    cutoff: OffsetDateTime,
) -> Result<u64, Error> {
    let result = idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::CreatedAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
