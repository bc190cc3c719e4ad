//! Server-wide settings shared by every server process through the database.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::Error;
use crate::entities::server_setting;

/// Returns the stored value of `name`, storing `candidate` first if there is none.
/// Concurrent callers all get the one value that won.
pub async fn get_or_init(
    db: &impl ConnectionTrait,
    name: &str,
    candidate: &str,
) -> Result<String, Error> {
    let row = server_setting::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(candidate.to_owned()),
    };
    server_setting::Entity::insert(row)
        .on_conflict_do_nothing_on([server_setting::Column::Name])
        .exec(db)
        .await?;
    let stored = server_setting::Entity::find_by_id(name.to_owned())
        .one(db)
        .await?;
    stored
        .map(|row| row.value)
        .ok_or_else(|| Error::Corrupt(format!("setting {name} vanished")))
}
