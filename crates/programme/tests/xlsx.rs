//! The whole programme as an XLSX workbook (feature `xlsx`): round trips,
//! hand-filled workbooks, and hostile workbooks refused within bounds.

#![cfg(feature = "xlsx")]

mod support;

use std::io::Write;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use samspill_programme::demo;
use samspill_programme::document::Problem;
use samspill_programme::xlsx::{Limits, SheetProblem, XlsxError, export, import, import_with};

#[test]
fn the_demo_and_the_2010_cohort_round_trip() {
    for doc in [demo::programme(), support::seed()] {
        let bytes = export(&doc).unwrap();
        let back = import(&bytes).unwrap_or_else(|e| panic!("{e}"));
        // Compared as JSON first, so a difference prints as a line.
        let (a, b) = (
            String::from_utf8(back.to_json()).unwrap(),
            String::from_utf8(doc.to_json()).unwrap(),
        );
        if let Some((x, y)) = a.lines().zip(b.lines()).find(|(x, y)| x != y) {
            panic!("round trip differs: {x:?} != {y:?}");
        }
        assert_eq!(back, doc);
        // And again: export of the import is the same workbook content.
        assert_eq!(import(&export(&back).unwrap()).unwrap(), doc);
    }
}

/// A workbook from sheets of rows; a cell is text, a number, or a date.
enum C {
    S(&'static str),
    N(f64),
    D(u16, u8, u8),
    E,
}

fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn index(tables: &[(&'static str, &'static str)]) -> (&'static str, Vec<Vec<C>>) {
    let mut rows = vec![
        vec![C::S("format"), C::S("samspill-programme-xlsx")],
        vec![C::S("version"), C::N(1.0)],
        vec![C::S("sheet"), C::S("table")],
    ];
    for (s, t) in tables {
        rows.push(vec![C::S(s), C::S(t)]);
    }
    ("samspill", rows)
}

fn document_sheet() -> (&'static str, Vec<Vec<C>>) {
    (
        "document",
        vec![
            vec![
                C::S("format"),
                C::S("version"),
                C::S("programme.id"),
                C::S("programme.name"),
                C::S("programme.lang"),
                C::S("programme.funder.name"),
                C::S("programme.funder.kind"),
                C::S("programme.period.start"),
            ],
            vec![
                C::S("samspill-programme"),
                C::N(1.0),
                C::S("p"),
                C::S("Program fra Word-malen"),
                C::S("nb"),
                C::S("Husbanken"),
                C::S("husbanken"),
                C::D(2011, 4, 1),
            ],
        ],
    )
}

fn participants(rows: Vec<Vec<C>>) -> (&'static str, Vec<Vec<C>>) {
    let mut all = vec![vec![
        C::S("_parent"),
        C::S("id"),
        C::S("name"),
        C::S("kind"),
        C::S("admitted"),
    ]];
    all.extend(rows);
    ("deltakere", all)
}

#[test]
fn a_workbook_filled_in_by_hand_reads_with_excel_dates() {
    let bytes = workbook(&[
        index(&[
            ("document", "document"),
            ("deltakere", "participants[]"),
            ("avtaler", "participants[].agreements[]"),
        ]),
        document_sheet(),
        participants(vec![
            vec![
                C::E,
                C::S("a"),
                C::S("Asker"),
                C::S("municipality"),
                C::D(2011, 10, 1),
            ],
            vec![
                C::E,
                C::S("m"),
                C::S("Moss"),
                C::S("municipality"),
                C::S("2011-10"),
            ],
        ]),
        (
            "avtaler",
            vec![
                vec![
                    C::S("_parent"),
                    C::S("version"),
                    C::S("signed"),
                    C::S("parties[]"),
                ],
                vec![
                    C::S("participants[1]"),
                    C::N(1.0),
                    C::S("true"),
                    C::S("[\"Moss kommune\", \"Husbanken\"]"),
                ],
            ],
        ),
    ]);
    // "true" typed as text is not a boolean: refused with its path.
    let e = import(&bytes).unwrap_err();
    assert!(
        matches!(&e, XlsxError::Document(d) if d.0[0].path == "participants[1].agreements[0].signed"),
        "{e}"
    );
    let bytes = workbook(&[
        index(&[
            ("document", "document"),
            ("deltakere", "participants[]"),
            ("avtaler", "participants[].agreements[]"),
        ]),
        document_sheet(),
        participants(vec![
            vec![
                C::E,
                C::S("a"),
                C::S("Asker"),
                C::S("municipality"),
                C::D(2011, 10, 1),
            ],
            vec![
                C::E,
                C::S("m"),
                C::S("Moss"),
                C::S("municipality"),
                C::S("2011-10"),
            ],
        ]),
        (
            "avtaler",
            vec![
                vec![
                    C::S("_parent"),
                    C::S("version"),
                    C::S("signed"),
                    C::S("parties[]"),
                ],
                vec![
                    C::S("participants[1]"),
                    C::N(1.0),
                    C::N(1.0),
                    C::S("[\"Moss kommune\", \"Husbanken\"]"),
                ],
            ],
        ),
    ]);
    let e = import(&bytes).unwrap_err();
    assert!(
        matches!(&e, XlsxError::Document(d) if d.0[0].path == "participants[1].agreements[0].signed")
    );
}

#[test]
fn dates_typed_as_excel_dates_are_read_as_dates() {
    let bytes = workbook(&[
        index(&[("document", "document"), ("deltakere", "participants[]")]),
        document_sheet(),
        participants(vec![vec![
            C::E,
            C::S("a"),
            C::S("Asker"),
            C::S("municipality"),
            C::D(2011, 10, 1),
        ]]),
    ]);
    let doc = import(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        doc.participants[0].admitted.unwrap().to_string(),
        "2011-10-01"
    );
    assert_eq!(doc.programme.period.start.to_string(), "2011-04-01");
    assert_eq!(doc.programme.name, "Program fra Word-malen");
}

fn sheet_problem(e: &XlsxError) -> (&str, Option<u32>, Option<u32>, &SheetProblem) {
    match e {
        XlsxError::Sheet {
            sheet,
            row,
            column,
            problem,
        } => (sheet.as_str(), *row, *column, problem),
        other => panic!("expected a sheet problem, got {other}"),
    }
}

#[test]
fn layout_errors_name_the_sheet_and_cell() {
    // A parent that is not a record of the table above.
    let bytes = workbook(&[
        index(&[
            ("document", "document"),
            ("deltakere", "participants[]"),
            ("avtaler", "participants[].agreements[]"),
        ]),
        document_sheet(),
        participants(vec![vec![
            C::E,
            C::S("a"),
            C::S("Asker"),
            C::S("municipality"),
            C::E,
        ]]),
        (
            "avtaler",
            vec![
                vec![C::S("_parent"), C::S("version"), C::S("signed")],
                vec![C::S("participants[7]"), C::N(1.0), C::E],
            ],
        ),
    ]);
    let e = import(&bytes).unwrap_err();
    let (sheet, row, column, p) = sheet_problem(&e);
    assert_eq!((sheet, row, column), ("avtaler", Some(2), Some(1)));
    assert!(matches!(p, SheetProblem::ParentNotFound { parent } if parent == "participants[7]"));
    assert_eq!(
        e.to_string(),
        "sheet \"avtaler\", cell A2: the parent \"participants[7]\" is not a record of the table above"
    );
    // A column name that is not a field path.
    let bytes = workbook(&[
        index(&[("document", "document"), ("deltakere", "participants[]")]),
        document_sheet(),
        (
            "deltakere",
            vec![
                vec![C::S("_parent"), C::S("Navn på kommune")],
                vec![C::E, C::S("x")],
            ],
        ),
    ]);
    let e = import(&bytes).unwrap_err();
    assert!(matches!(
        sheet_problem(&e),
        (
            "deltakere",
            Some(1),
            Some(2),
            SheetProblem::BadHeader { .. }
        )
    ));
    // A table the document does not have.
    let bytes = workbook(&[
        index(&[("document", "document"), ("x", "participants")]),
        document_sheet(),
    ]);
    assert!(matches!(
        sheet_problem(&import(&bytes).unwrap_err()),
        (
            "samspill",
            Some(5),
            Some(2),
            SheetProblem::BadPattern { .. }
        )
    ));
    // Not one of ours.
    let bytes = workbook(&[("Ark1", vec![vec![C::S("kommune"), C::S("fase")]])]);
    assert!(matches!(
        sheet_problem(&import(&bytes).unwrap_err()).3,
        SheetProblem::Missing
    ));
    let bytes = workbook(&[(
        "samspill",
        vec![vec![C::S("format"), C::S("something-else")]],
    )]);
    assert!(matches!(
        sheet_problem(&import(&bytes).unwrap_err()).3,
        SheetProblem::NotSamspill { .. }
    ));
    // Two document rows.
    let (name, mut rows) = document_sheet();
    let again: Vec<C> = vec![C::S("samspill-programme")];
    rows.push(again);
    let bytes = workbook(&[index(&[("document", "document")]), (name, rows)]);
    assert!(matches!(
        sheet_problem(&import(&bytes).unwrap_err()).3,
        SheetProblem::DocumentRows { rows: 2 }
    ));
}

#[test]
fn a_stray_cell_far_away_is_refused_without_allocating_a_grid() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("samspill").unwrap();
    ws.write_string(0, 0, "format").unwrap();
    ws.write_string(0, 1, "samspill-programme-xlsx").unwrap();
    ws.write_number(1, 1, 1.0).unwrap();
    ws.write_string(1_048_575, 16_383, "far away").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let e = import(&bytes).unwrap_err();
    assert!(matches!(
        sheet_problem(&e),
        (
            "samspill",
            Some(1_048_576),
            None,
            SheetProblem::TooManyRows { max: 100_000 }
        )
    ));
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("samspill").unwrap();
    ws.write_string(0, 16_383, "wide").unwrap();
    let e = import(&wb.save_to_buffer().unwrap()).unwrap_err();
    assert!(matches!(
        sheet_problem(&e),
        (
            "samspill",
            Some(1),
            Some(16_384),
            SheetProblem::TooManyColumns { .. }
        )
    ));
}

#[test]
fn hostile_files_are_refused_within_bounds() {
    assert!(matches!(
        import(b"not a zip at all"),
        Err(XlsxError::NotAWorkbook { .. })
    ));
    assert!(matches!(import(&[]), Err(XlsxError::NotAWorkbook { .. })));
    // A zip bomb: one entry of zeros that inflates beyond the entry limit.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/sharedStrings.xml", opts).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..3 {
        zip.write_all(&chunk).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 20_000, "compresses to {} bytes", bomb.len());
    let limits = Limits {
        entry_bytes: 2 << 20,
        ..Limits::default()
    };
    assert!(matches!(
        import_with(&bomb, &limits),
        Err(XlsxError::Inflates { .. })
    ));
    let limits = Limits {
        inflated_bytes: 1 << 20,
        ..Limits::default()
    };
    assert!(matches!(
        import_with(&bomb, &limits),
        Err(XlsxError::Inflates { .. })
    ));
    // Too large before anything is read.
    let limits = Limits {
        workbook_bytes: 100,
        ..Limits::default()
    };
    assert!(matches!(
        import_with(&bomb, &limits),
        Err(XlsxError::TooLarge { .. })
    ));
    // Long cell text and many cells.
    let doc = demo::programme();
    let bytes = export(&doc).unwrap();
    let limits = Limits {
        cell_chars: 20,
        ..Limits::default()
    };
    assert!(matches!(
        import_with(&bytes, &limits),
        Err(XlsxError::Sheet {
            problem: SheetProblem::TextTooLong { .. },
            ..
        })
    ));
    let limits = Limits {
        cells: 100,
        ..Limits::default()
    };
    assert!(matches!(
        import_with(&bytes, &limits),
        Err(XlsxError::Sheet {
            problem: SheetProblem::TooManyCells { .. },
            ..
        })
    ));
    // Truncated workbooks never panic.
    for cut in [10, 100, 1000, bytes.len() / 2, bytes.len() - 1] {
        assert!(import(&bytes[..cut]).is_err());
    }
}

#[test]
fn document_errors_come_through_with_their_paths_and_messages() {
    let bytes = workbook(&[
        index(&[("document", "document"), ("deltakere", "participants[]")]),
        document_sheet(),
        participants(vec![
            vec![
                C::E,
                C::S("a"),
                C::S("Asker"),
                C::S("municipality"),
                C::S("2011-13"),
            ],
            vec![
                C::E,
                C::S("a"),
                C::S("Asker igjen"),
                C::S("municipality"),
                C::E,
            ],
        ]),
    ]);
    let e = import(&bytes).unwrap_err();
    let XlsxError::Document(d) = &e else {
        panic!("{e}")
    };
    assert_eq!(d.0[0].path, "participants[0].admitted");
    assert!(matches!(&d.0[0].problem, Problem::Invalid { detail } if detail.contains("2011-13")));
    let messages = e.messages();
    assert_eq!(messages[0].key, "programme-error-invalid");
}

#[test]
fn the_matrix_and_the_portfolio_export_for_reading() {
    use calamine::{Data, Reader, Xlsx};
    use samspill_i18n::Lang;
    use samspill_programme::date::Date;
    use samspill_programme::ids::RoundId;
    use samspill_programme::matrix;
    use samspill_programme::rules::portfolio::portfolio;
    use samspill_programme::text::Renderer;
    use samspill_programme::xlsx::{matrix_workbook, portfolio_workbook};

    let doc = support::seed();
    let nb = support::I18n::new(Lang::Nb);
    let r = Renderer::new(&nb, &doc.programme.vocabulary);
    let m = matrix::generate(&doc, &RoundId::new("delrapport-2010")).unwrap();
    let bytes = matrix_workbook(&m, &r).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Delrapport 2010").unwrap();
    let text = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    assert_eq!(text(0, 1), "Bærum");
    assert_eq!(text(0, 4), "Lørenskog");
    assert_eq!(text(1, 0), "ORGANISERING");
    assert_eq!(text(2, 0), "Styringsgruppa");
    assert_eq!(
        text(2, 3),
        "Rådmann, kommunalsjef, strategi- og utviklingssjef og økonomisjef"
    );
    let plan = (0..20).find(|&i| text(i, 0) == "Planforankring").unwrap();
    assert!(text(plan, 4).starts_with(
        "Planlagt forankring i planverk gjennom:\n– Utvikling av en boligsosial handlingsplan."
    ));
    let signed = (0..30)
        .find(|&i| text(i, 1).starts_with("Kvalitetssikret"))
        .unwrap();
    assert_eq!(text(signed, 1), "Kvalitetssikret november 2010");
    assert!(
        (0..40)
            .any(|i| text(i, 0).starts_with("Matrisen er basert på informasjon kvalitetssikret"))
    );

    let demo = demo::programme();
    let r = Renderer::new(&nb, &demo.programme.vocabulary);
    let p = portfolio(&demo, Date::parse(demo::AS_OF).unwrap(), &[]);
    let bytes = portfolio_workbook(&p, &r).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["Portefølje", "Funn"]);
    let range = wb.worksheet_range("Portefølje").unwrap();
    assert_eq!(range.height(), 6, "a header and five participants");
    let row = (1..6)
        .find(|&i| range.get_value((i, 0)) == Some(&Data::String("Lyngnes".into())))
        .unwrap();
    assert_eq!(
        range.get_value((row, 2)),
        Some(&Data::String("Gjennomføringsfase".into()))
    );
    assert_eq!(
        range.get_value((row, 3)),
        Some(&Data::String("Program- og planfase".into()))
    );
    let findings = wb.worksheet_range("Funn").unwrap();
    assert_eq!(
        findings.height() - 1,
        p.rows.iter().map(|r| r.findings.len()).sum::<usize>()
    );
}
