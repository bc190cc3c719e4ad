//! Staff accounts and their sessions.
//!
//! Failed logins are counted on the account row. The server counts an attempt as failed
//! *before* it checks the password ([`record_failed_login`] is conditional on the count
//! it read), so concurrent guesses against one account, even through several server
//! processes, are each counted and cannot slip past the slow-down together; a correct
//! password then clears the count ([`record_successful_login`]).

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait};
use sea_orm::{PaginatorTrait, QueryFilter};
use time::OffsetDateTime;

use domain::staff::Role;

use crate::Error;
use crate::codec::narrow;
use crate::entities::{counter, staff, staff_session, workshop};
use crate::error::is_unique_violation;

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    /// The account id.
    pub id: i32,
    /// The login email, lower case.
    pub email: String,
    /// What they may do, and where.
    pub role: Role,
}

/// A stored account with what a login needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Who it is.
    pub member: StaffMember,
    /// The argon2id PHC string.
    pub password_hash: String,
    /// Consecutive failed logins since the last successful one.
    pub failed_logins: u32,
    /// When the last of them happened.
    pub last_failed_at: Option<OffsetDateTime>,
}

/// The staff member whose unexpired session has this token hash.
pub async fn by_session(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<StaffMember>, Error> {
    let Some(session) = staff_session::Entity::find_by_id(token_hash.to_owned())
        .filter(staff_session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(row) = staff::Entity::find_by_id(session.staff_id).one(db).await? else {
        return Ok(None);
    };
    member(row).map(Some)
}

/// A stored account as a staff member.
pub(crate) fn member(row: staff::Model) -> Result<StaffMember, Error> {
    let role = Role::from_parts(&row.role, row.place_id.map(i64::from))?;
    Ok(StaffMember {
        id: row.id,
        email: row.email,
        role,
    })
}

/// Whether the workshop or counter a role is bound to exists (always for operators).
pub async fn place_exists(db: &impl ConnectionTrait, role: Role) -> Result<bool, Error> {
    let found = match role {
        Role::Workshop(id) => {
            let Ok(id) = narrow::<i32>(id.0, "workshop id") else {
                return Ok(false);
            };
            workshop::Entity::find_by_id(id).count(db).await?
        }
        Role::Counter(id) => {
            let Ok(id) = narrow::<i32>(id.0, "counter id") else {
                return Ok(false);
            };
            counter::Entity::find_by_id(id).count(db).await?
        }
        Role::Operator => 1,
    };
    Ok(found > 0)
}

/// Stores a new account; `None` when an account with this email already exists.
/// The email is stored as given: callers normalise it (trimmed, lower case).
pub async fn create_account(
    db: &impl ConnectionTrait,
    email: &str,
    role: Role,
    password_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<StaffMember>, Error> {
    let place_id = role
        .place_id()
        .map(|id| narrow::<i32>(id, "place id"))
        .transpose()?;
    let row = staff::ActiveModel {
        email: Set(email.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        role: Set(role.kind().to_owned()),
        place_id: Set(place_id),
        failed_logins: Set(0),
        last_failed_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    };
    match row.insert(db).await {
        Ok(row) => member(row).map(Some),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The account with this (normalised) email.
pub async fn by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<Account>, Error> {
    let Some(row) = staff::Entity::find()
        .filter(staff::Column::Email.eq(email))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let failed_logins = u32::try_from(row.failed_logins).unwrap_or(0);
    let last_failed_at = row.last_failed_at;
    let password_hash = row.password_hash.clone();
    Ok(Some(Account {
        member: member(row)?,
        password_hash,
        failed_logins,
        last_failed_at,
    }))
}

/// Counts one more failed login at `now`, if the count is still `seen` (what the caller
/// read with [`by_email`]). `false` means another attempt was counted in between: read
/// the account again and re-check whether an attempt is allowed.
pub async fn record_failed_login(
    db: &impl ConnectionTrait,
    staff_id: i32,
    seen: u32,
    now: OffsetDateTime,
) -> Result<bool, Error> {
    let seen = i32::try_from(seen).unwrap_or(i32::MAX);
    let updated = staff::Entity::update_many()
        .col_expr(
            staff::Column::FailedLogins,
            Expr::value(seen.saturating_add(1)),
        )
        .col_expr(staff::Column::LastFailedAt, Expr::value(Some(now)))
        .filter(staff::Column::Id.eq(staff_id))
        .filter(staff::Column::FailedLogins.eq(seen))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Clears the failed-login count after a successful login.
pub async fn record_successful_login(
    db: &impl ConnectionTrait,
    staff_id: i32,
) -> Result<(), Error> {
    staff::Entity::update_many()
        .col_expr(staff::Column::FailedLogins, Expr::value(0))
        .col_expr(
            staff::Column::LastFailedAt,
            Expr::value(Option::<OffsetDateTime>::None),
        )
        .filter(staff::Column::Id.eq(staff_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Stores a session whose token has this hash, valid until `expires_at`.
pub async fn create_session(
    db: &impl ConnectionTrait,
    staff_id: i32,
    token_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), Error> {
    let row = staff_session::ActiveModel {
        token_hash: Set(token_hash.to_owned()),
        staff_id: Set(staff_id),
        created_at: Set(now),
        expires_at: Set(expires_at),
    };
    staff_session::Entity::insert(row).exec(db).await?;
    Ok(())
}

/// Ends the session with this token hash; `false` if there was none.
pub async fn delete_session(db: &impl ConnectionTrait, token_hash: &str) -> Result<bool, Error> {
    let deleted = staff_session::Entity::delete_by_id(token_hash.to_owned())
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// Deletes every session that expired by `now`; returns how many.
pub async fn purge_expired_sessions(
    db: &impl ConnectionTrait,
    now: OffsetDateTime,
) -> Result<u64, Error> {
    let deleted = staff_session::Entity::delete_many()
        .filter(staff_session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
