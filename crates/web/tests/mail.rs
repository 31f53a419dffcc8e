//! Invitations and reminders go to a real SMTP server on loopback (an
//! in-process sink); delivery and bounce status are recorded.

mod common;

use axum::http::StatusCode;
use common::*;
use samspill_store::RoundId;
use samspill_web::run_mail_once;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_and_reminders_reach_the_smtp_server_with_status() {
    for (db, url) in database_urls() {
        let (port, mails) = smtp_sink().await;
        let e = env(&url, Some(smtp_config(port))).await;
        let (cookie, csrf) = login(&e).await;
        let csv = format!("{ROSTER_CSV}Bounce Bo;bounce@oppdal.example;IT;;Utbygging\n");
        let r = upload(
            &e.state,
            "/coord/roster/import",
            &cookie,
            &csrf,
            "l.csv",
            csv.as_bytes(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = post(
            &e.state,
            "/coord/rounds",
            Some(&cookie),
            &[("csrf", &csrf), ("name", "Runde 1")],
        )
        .await;
        let round_url = r.location();
        let id: i64 = round_url.rsplit('/').next().unwrap().parse().unwrap();
        post(
            &e.state,
            &format!("{round_url}/settings"),
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("name", "Runde 1"),
                ("round_lang", "nb"),
                ("languages", "nb"),
                ("closes_on", "2099-06-30"),
            ],
        )
        .await;
        post(
            &e.state,
            &format!("{round_url}/open"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        let r = post_follow(
            &e.state,
            &format!("{round_url}/send"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        assert!(r.body.contains("E-postene er lagt i kø"), "{db}");
        let (sent, failed) = run_mail_once(&e.state).await;
        assert_eq!((sent, failed), (6, 1), "{db}");
        {
            let got = mails.lock().unwrap();
            assert_eq!(got.len(), 6);
            let kari = got
                .iter()
                .find(|m| m.to.iter().any(|t| t.contains("kari@oppdal.example")))
                .unwrap();
            assert_eq!(kari.from, "<samspill@oppdal.kommune.example>");
            assert!(
                kari.data.contains("http://samspill.test/s/"),
                "{}",
                kari.data
            );
            assert!(kari.data.contains("30. juni 2099"), "the deadline in words");
        }
        let t = e.store.tenant(e.tenant);
        let inv = t.invitations(RoundId::from_raw(id)).await.unwrap();
        let status = |email: &str| {
            inv.iter()
                .find(|i| i.email == email)
                .unwrap()
                .mail_status
                .clone()
        };
        assert_eq!(
            status("bounce@oppdal.example").as_deref(),
            Some("bounced"),
            "{db}"
        );
        assert_eq!(status("kari@oppdal.example").as_deref(), Some("sent"));
        // Sending again queues nothing new; a later bounce report is recorded.
        post(
            &e.state,
            &format!("{round_url}/send"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(run_mail_once(&e.state).await, (0, 0));
        assert!(e.store.record_bounce("ola@oppdal.example").await.unwrap());
        let inv = t.invitations(RoundId::from_raw(id)).await.unwrap();
        assert_eq!(
            inv.iter()
                .find(|i| i.email == "ola@oppdal.example")
                .unwrap()
                .mail_status
                .as_deref(),
            Some("bounced")
        );
        // The link in the mail works; the one who answered gets no reminder.
        let link = {
            let got = mails.lock().unwrap();
            let m = got
                .iter()
                .find(|m| m.to.iter().any(|t| t.contains("per@oppdal.example")))
                .unwrap();
            let i =
                m.data.find("http://samspill.test/s/").unwrap() + "http://samspill.test/s/".len();
            m.data[i..].split_whitespace().next().unwrap().to_string()
        };
        assert_eq!(
            get(&e.state, &format!("/s/{link}"), None).await.status,
            StatusCode::OK,
            "{db}: {link}"
        );
        post(&e.state, &format!("/s/{link}/submit"), None, &[]).await;
        mails.lock().unwrap().clear();
        post(
            &e.state,
            &format!("{round_url}/remind"),
            Some(&cookie),
            &[("csrf", &csrf)],
        )
        .await;
        let (sent, _) = run_mail_once(&e.state).await;
        assert_eq!(
            sent, 5,
            "{db}: reminders to the 5 deliverable non-respondents"
        );
        {
            let got = mails.lock().unwrap();
            assert!(
                got.iter()
                    .all(|m| !m.to.iter().any(|t| t.contains("per@oppdal.example")))
            );
            assert!(
                got[0].data.contains("Påminnelse") || got[0].data.contains("=?utf-8?"),
                "{}",
                got[0].data
            );
        }
        let page = get(&e.state, &round_url, Some(&cookie)).await;
        assert!(
            page.body.contains("avvist: 1") && page.body.contains("sendt: "),
            "{db}: mail status shown: {}",
            page.body
        );
    }
}
