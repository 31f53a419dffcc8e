//! 200 respondents answering at once over real sockets lose nothing and
//! overwrite nothing — on SQLite and PostgreSQL.

mod common;

use common::*;
use samspill_store::{NewPerson, NewRound};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_respondents_answering_at_once_over_http() {
    for (db, url) in database_urls() {
        let e = env(&url, None).await;
        let t = e.store.tenant(e.tenant);
        let roster: Vec<NewPerson> = (0..200)
            .map(|i| NewPerson {
                name: format!("P{i}"),
                email: format!("p{i}@k.example"),
                functions: vec!["Utbygging".into()],
                ..NewPerson::default()
            })
            .collect();
        t.import_roster(&roster).await.unwrap();
        let round = t
            .create_round(&NewRound::standard("R", "nb"))
            .await
            .unwrap();
        t.open_round(round).await.unwrap();
        let links = t.invitation_links(round).await.unwrap();
        let ids: Vec<i64> = links.iter().map(|l| l.invitation.person.get()).collect();
        let addr = serve(e.state.clone()).await;
        let mut tasks = Vec::new();
        for (i, l) in links.iter().enumerate() {
            let token = l.token.clone();
            let a = ids[(i + 1) % 200];
            let b = ids[(i + 13) % 200];
            tasks.push(tokio::spawn(async move {
                let steps = [
                    ("contacts", format!("chosen={a}&chosen={b}")),
                    ("frequency", format!("f_{a}=daily&f_{b}=monthly")),
                    (
                        "ratings",
                        format!("r_coordination={}&r_meeting_places=dk", i % 6 + 1),
                    ),
                    ("open", format!("o_challenges=utfordring+{i}")),
                ];
                for (step, body) in steps {
                    let (s, _) = http(
                        addr,
                        "POST",
                        &format!("/s/{token}/{step}"),
                        &body,
                        &[("X-Autosave", "1")],
                    )
                    .await
                    .unwrap();
                    assert_eq!(s, 200, "{step}");
                }
                let (s, _) = http(addr, "POST", &format!("/s/{token}/submit"), "", &[])
                    .await
                    .unwrap();
                assert_eq!(s, 303);
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let data = t.round_network(round).await.unwrap();
        let net = &data.network;
        assert!(net.people.iter().all(|p| p.responded), "{db}");
        assert_eq!(net.relations[0].ties.len(), 400, "{db}");
        for i in 0..200 {
            let mut mine: Vec<(usize, f64)> = net.relations[0]
                .ties
                .iter()
                .filter(|t| t.source == i)
                .map(|t| (t.target, t.value))
                .collect();
            mine.sort_by(|x, y| x.partial_cmp(y).unwrap());
            let mut want = vec![((i + 1) % 200, 3.0), ((i + 13) % 200, 1.0)];
            want.sort_by(|x, y| x.partial_cmp(y).unwrap());
            assert_eq!(mine, want, "{db}: respondent {i}");
        }
        let mut texts: Vec<String> = data.open_answers.iter().map(|o| o.text.clone()).collect();
        texts.sort();
        let mut want: Vec<String> = (0..200).map(|i| format!("utfordring {i}")).collect();
        want.sort();
        assert_eq!(texts, want, "{db}");
        let coordination = &data.ratings[0];
        assert_eq!(coordination.answers.len(), 200);
        assert_eq!(
            data.ratings[1]
                .answers
                .iter()
                .filter(|a| a.is_none())
                .count(),
            200
        );
    }
}
