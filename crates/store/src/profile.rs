//! A user's own preferences, changed by the user themself.

use crate::audit::{self, Actor};
use crate::{Result, Store, StoreError, UserId, lang_code};

impl Store {
    /// Sets the interface language of the user `actor` is (`None`: follow
    /// the tenant's language), audited in the same transaction. Only a
    /// logged-in user changes their own language: any other actor, or an
    /// actor for another account, is [`StoreError::NotFound`].
    pub async fn set_own_lang(&self, actor: &Actor, lang: Option<&str>) -> Result<()> {
        let Actor::User { id, .. } = actor else {
            return Err(StoreError::NotFound);
        };
        let lang = lang.map(lang_code).transpose()?;
        let mut tx = self.begin_write().await?;
        let tenant = self.set_lang_in(&mut tx, *id, lang).await?;
        audit::write(
            &mut tx,
            tenant,
            actor,
            "user.lang",
            &format!("user {}: {}", id.get(), lang.unwrap_or("tenant")),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_lang_in(
        &self,
        tx: &mut sqlx::AnyConnection,
        user: UserId,
        lang: Option<&str>,
    ) -> Result<Option<crate::TenantId>> {
        use sqlx::Row;
        let row = sqlx::query(
            "UPDATE users SET lang = $1 WHERE id = $2 AND active = 1 RETURNING tenant_id",
        )
        .bind(lang)
        .bind(user.get())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(row
            .try_get::<Option<i64>, _>("tenant_id")?
            .map(crate::TenantId))
    }
}
