//! Creating staff accounts: the one path that `gongbang staff add`, the demo data and the
//! tests share, so each of them gets the same checks (a real email, a password of at
//! least [`MIN_PASSWORD_CHARS`] characters, a role bound to an existing place) and the
//! same argon2id hashing.

use std::io::BufRead;

use db::DatabaseConnection;
use rand::Rng;

use db::staff::StaffMember;
use domain::staff::Role;

use crate::config::StaffAddArgs;
use crate::passwords;

/// The shortest password an account may have, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Why an account was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddStaffError {
    /// The password is shorter than [`MIN_PASSWORD_CHARS`].
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    /// The email is not an address.
    #[error("{0:?} is not an email address")]
    InvalidEmail(String),
    /// A workshop or counter role without a place, or an operator with one.
    #[error("{0}")]
    InvalidRole(String),
    /// The workshop or counter does not exist.
    #[error("there is no {kind} with id {id}")]
    NoSuchPlace {
        /// `workshop` or `counter`.
        kind: &'static str,
        /// The id given.
        id: i64,
    },
    /// Another account has this email.
    #[error("a staff account with the email {0} already exists")]
    EmailTaken(String),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] db::Error),
    /// Hashing the password failed.
    #[error("hashing the password: {0}")]
    Hashing(#[source] anyhow::Error),
}

/// The stored form of a login email (trimmed, lower case), if it looks like an address.
pub fn normalise_email(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

/// The role named by its kind (`workshop`, `counter`, `operator`) and place.
pub fn role_from(kind: &str, place: Option<i64>) -> Result<Role, AddStaffError> {
    match (kind, place) {
        ("workshop" | "counter", None) => Err(AddStaffError::InvalidRole(format!(
            "a {kind} account needs the id of its {kind} (--place)"
        ))),
        ("operator", Some(_)) => Err(AddStaffError::InvalidRole(
            "an operator account is not bound to a place (no --place)".into(),
        )),
        _ => Role::from_parts(kind, place).map_err(|e| AddStaffError::InvalidRole(e.to_string())),
    }
}

/// Adds an account: checks the email, the password length and the place, hashes the
/// password with argon2id and stores it. An email already in use is refused.
pub async fn add_staff(
    db: &DatabaseConnection,
    email: &str,
    role: Role,
    password: &str,
) -> Result<StaffMember, AddStaffError> {
    let email = normalise_email(email).ok_or_else(|| AddStaffError::InvalidEmail(email.into()))?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AddStaffError::PasswordTooShort);
    }
    if !db::staff::place_exists(db, role).await? {
        let id = role.place_id().unwrap_or_default();
        return Err(AddStaffError::NoSuchPlace {
            kind: role.kind(),
            id,
        });
    }
    if db::staff::by_email(db, &email).await?.is_some() {
        return Err(AddStaffError::EmailTaken(email));
    }
    let hash = passwords::hash(password.to_owned())
        .await
        .map_err(AddStaffError::Hashing)?;
    let now = time::OffsetDateTime::now_utc();
    db::staff::create_account(db, &email, role, &hash, now)
        .await?
        .ok_or(AddStaffError::EmailTaken(email))
}

/// [`add_staff`] on the database at `database_url`, with the role given by its kind and
/// place (as the command line and the tests name it).
pub async fn add_staff_at(
    database_url: &str,
    email: &str,
    kind: &str,
    place: Option<i64>,
    password: &str,
) -> anyhow::Result<StaffMember> {
    use anyhow::Context;
    let role = role_from(kind, place)?;
    let db = db::connect(database_url, 1)
        .await
        .context("opening the database")?;
    let added = add_staff(&db, email, role, password).await;
    let _ = db.close().await;
    Ok(added?)
}

/// The password on the first line of `input`, without its line ending.
pub fn read_password(input: &mut impl BufRead) -> anyhow::Result<String> {
    let mut line = String::new();
    input.read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']);
    anyhow::ensure!(
        !password.is_empty(),
        "write the password on the first line of standard input"
    );
    anyhow::ensure!(
        password.chars().count() >= MIN_PASSWORD_CHARS,
        AddStaffError::PasswordTooShort
    );
    Ok(password.to_owned())
}

/// `gongbang staff add`: reads the password from `input` and adds the account.
pub async fn run_add(args: &StaffAddArgs, input: &mut impl BufRead) -> anyhow::Result<StaffMember> {
    let role = role_from(args.role.kind(), args.place)?;
    let password = read_password(input)?;
    add_staff_at(
        &args.database_url,
        &args.email,
        role.kind(),
        role.place_id(),
        &password,
    )
    .await
}

/// A demo account with its password in clear, shown once at first start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// The login email.
    pub email: String,
    /// Its role.
    pub role: Role,
    /// Its random password.
    pub password: String,
}

/// Creates the demo staff for a freshly loaded demo catalogue: `operator@gongbang.demo`,
/// `workshop-<code>@gongbang.demo` per workshop and `counter-<code>@gongbang.demo` per
/// counter, each with a random password.
pub async fn add_demo_staff(db: &DatabaseConnection) -> Result<Vec<DemoAccount>, AddStaffError> {
    let mut wanted = vec![("operator@gongbang.demo".to_owned(), Role::Operator)];
    for record in db::catalogue::workshops(db).await? {
        let email = format!("workshop-{}@gongbang.demo", record.code);
        wanted.push((email, Role::Workshop(record.workshop.id)));
    }
    for record in db::catalogue::counters(db).await? {
        let email = format!("counter-{}@gongbang.demo", record.code);
        wanted.push((email, Role::Counter(record.counter.id)));
    }
    // Hashing is the slow part: let the blocking pool hash them side by side.
    let mut tasks = tokio::task::JoinSet::new();
    for (position, (email, role)) in wanted.into_iter().enumerate() {
        let db = db.clone();
        tasks.spawn(async move {
            let password = random_password();
            add_staff(&db, &email, role, &password).await.map(|member| {
                (
                    position,
                    DemoAccount {
                        email: member.email,
                        role,
                        password,
                    },
                )
            })
        });
    }
    let mut accounts = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let added = joined.map_err(|e| AddStaffError::Hashing(e.into()))?;
        accounts.push(added?);
    }
    accounts.sort_by_key(|(position, _)| *position);
    Ok(accounts.into_iter().map(|(_, account)| account).collect())
}

/// The demo accounts as a small table for the terminal.
pub fn demo_staff_table(accounts: &[DemoAccount]) -> String {
    let width = accounts
        .iter()
        .map(|a| a.email.len())
        .chain(["email".len()])
        .max()
        .unwrap_or_default();
    let mut table = String::from("demo staff (shown once):\n");
    table.push_str(&format!("  {:width$}  {:8}  password\n", "email", "role"));
    for account in accounts {
        table.push_str(&format!(
            "  {:width$}  {:8}  {}\n",
            account.email,
            account.role.kind(),
            account.password
        ));
    }
    table
}

/// A random password of 16 characters without look-alikes (no 0/O, 1/l/I).
fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::catalogue::WorkshopId;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalise_email("  Kim@Example.COM "),
            Some("kim@example.com".into())
        );
        for bad in [
            "",
            "kim",
            "@example.com",
            "kim@",
            "k im@example.com",
            "a@b@c",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
    }

    #[test]
    fn roles_need_a_place_except_operators() {
        assert_eq!(
            role_from("workshop", Some(2)).ok(),
            Some(Role::Workshop(WorkshopId(2)))
        );
        assert_eq!(role_from("operator", None).ok(), Some(Role::Operator));
        assert!(role_from("workshop", None).is_err());
        assert!(role_from("counter", None).is_err());
        assert!(role_from("operator", Some(1)).is_err());
        assert!(role_from("admin", None).is_err());
    }

    #[test]
    fn the_password_is_the_first_line_and_long_enough() {
        let mut input = "long enough pw\r\nsecond line\n".as_bytes();
        assert_eq!(
            read_password(&mut input).ok(),
            Some("long enough pw".into())
        );
        assert!(read_password(&mut "short\n".as_bytes()).is_err());
        assert!(read_password(&mut "".as_bytes()).is_err());
        // Ten characters, not ten bytes.
        assert!(read_password(&mut "비밀번호비밀번호비밀".as_bytes()).is_ok());
        assert!(read_password(&mut "비밀번호비밀번호비".as_bytes()).is_err());
    }

    #[test]
    fn demo_passwords_are_random_and_unambiguous() {
        let a = random_password();
        assert_eq!(a.chars().count(), 16);
        assert_ne!(a, random_password());
        assert!(!a.contains(['0', 'O', '1', 'l', 'I']));
    }

    #[test]
    fn the_demo_table_lines_up() {
        let accounts = [
            DemoAccount {
                email: "operator@gongbang.demo".into(),
                role: Role::Operator,
                password: "pw1".into(),
            },
            DemoAccount {
                email: "workshop-euljiro-tailor@gongbang.demo".into(),
                role: Role::Workshop(WorkshopId(1)),
                password: "pw2".into(),
            },
        ];
        let table = demo_staff_table(&accounts);
        assert!(table.starts_with("demo staff (shown once):\n"));
        let column = |line: &str| line.find("pw").or_else(|| line.find("password"));
        let lines: Vec<_> = table.lines().skip(1).collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines.iter().all(|l| column(l) == column(lines[0])),
            "{table}"
        );
    }
}
