use super::*;
use crate::fixture::restaurant_catalog;
use crate::packet::sha256_hex;

/// The packet made through the messages, its attachments digested a chunk at a time and put
/// in their places by the worker (as the browser does with the stored files), is exactly the
/// packet made here from the bytes, and opens again as the same draft.
#[test]
fn a_draft_goes_out_as_a_packet_and_comes_back_through_the_messages() {
    let catalog = restaurant_catalog();
    let (mut draft, files) = crate::packet::export::tests::draft(&catalog);
    draft.id = DraftId::new("d1");
    draft.answers.insert(crate::catalog::FieldId::new("applicant.name"), "张三".to_owned());
    let ids: Vec<String> = files.keys().cloned().collect();
    let digested = Digested {
        files: files
            .values()
            .map(|bytes| {
                let mut digester = crate::packet::digest::Digester::default();
                bytes.chunks(7).for_each(|chunk| digester.update(chunk));
                digester.finish(sha256_hex(bytes))
            })
            .collect(),
    };
    assert_eq!(Digested::read(&digested.header()).expect("reads"), digested);
    let request = ExportRequest {
        document: document_of(&Rc::new(draft.clone())),
        draft: DraftId::new("d1"),
        files: ids,
        today: Date::from_ymd(2026, 12, 2).expect("a day"),
        created_ms: 1_796_200_200_000,
        lang: Lang::Zh,
        app_version: "test".to_owned(),
        next_step: "请带上本封面，到某中心办理。".to_owned(),
        only: String::new(),
    };
    assert_eq!(ExportRequest::read(&request.header()).expect("reads"), request);
    let application = request.application().expect("its draft");
    assert_eq!(request.known_digests(&application), vec![None], "attached without checksums");
    let (exported, layout) = do_export(&request, &application, &catalog, digested.files.clone()).expect("exports");
    assert_eq!(Exported::read(&exported.header()).expect("reads"), exported);
    assert!(
        layout.spans.iter().any(|span| matches!(span, crate::packet::zip::Span::Outside { .. })),
        "the attachment stays outside"
    );
    let bytes = layout.join(|id| files.get(id).map(Vec::as_slice)).expect("every file in its place");
    let direct = crate::packet::export::export(
        Export {
            catalog: &catalog,
            application: &draft,
            files: &crate::packet::export::digests_of(&files),
            today: request.today,
            created_ms: request.created_ms,
            lang: Lang::Zh,
            app_version: "test",
            next_step: &request.next_step,
        },
        &files,
    )
    .expect("exports");
    assert!(bytes == direct.bytes, "the page's packet is the core's, byte for byte");
    assert_eq!(exported.fingerprint, direct.fingerprint);
    let printed = do_print(&request, &application, &catalog, digested.files.clone()).expect("prints");
    assert!(printed.contains(&exported.fingerprint) && printed.contains("packet.css"));
    assert!(exported.file_name.ends_with(".zip"));
    let opened = OpenRequest { id: DraftId::new("d2"), now_ms: 5 }.header();
    let (reply, buffers) = do_open(&opened, &catalog, &bytes).expect("opens");
    assert_eq!(reply.fingerprint, exported.fingerprint);
    assert!(reply.same_catalog);
    assert_eq!(buffers, files.values().cloned().collect::<Vec<_>>());
    let back = draft_of(&reply.document).expect("a draft");
    assert_eq!((back.id.as_str(), back.answer(&crate::catalog::FieldId::new("applicant.name"))), ("d2", "张三"));
    // A reply's header reads back as the same reply.
    assert_eq!(Reopened::read(&reply.header()).expect("reads"), reply);
}

#[test]
fn a_message_this_version_does_not_send_is_refused_in_words() {
    let catalog = restaurant_catalog();
    let refused = ExportRequest::read("d1\n2026-12-02").expect_err("refused");
    assert!(matches!(refused, ServiceError::Message { .. }));
    assert!(refused.message(Lang::Zh).contains("无法识别的请求"));
    let request = OpenRequest { id: DraftId::new("d"), now_ms: 0 };
    let refused = do_open(&request.header(), &catalog, b"not a zip").expect_err("refused");
    assert!(matches!(refused, ServiceError::Packet(PacketError::Unzip(_))), "{refused:?}");
    assert_eq!(catalog_of(Some("garbage")).expect_err("refused"), ServiceError::Catalog);
    assert_eq!(catalog_of(None).expect_err("refused"), ServiceError::Catalog);
    let published = crate::catalog::pieces::publish(&catalog);
    let sent = catalog_of(Some(&published.encode_text())).expect("the page's index and pieces are read");
    assert_eq!(sent.bundles, catalog.bundles);
    // Digests that are not one per file are refused; words that are not digests do not read.
    let (draft, _) = crate::packet::export::tests::draft(&catalog);
    let header = |files: &str| format!("\n{}\n2026-12-02\n1\nzh-CN\nv\n\n{files}\n", draft.id);
    let digest = crate::packet::digest::FileDigest::of(b"x");
    for (files, digests) in [("a b", vec![digest.clone()]), ("", vec![digest.clone()]), ("a", vec![])] {
        let request = ExportRequest::read(&header(files)).expect("reads");
        let refused = do_export(&request, &draft, &catalog, digests).expect_err("refused");
        assert!(matches!(refused, ServiceError::Message { .. }), "{refused:?}");
    }
    // A request whose document names no such draft is refused.
    let request = ExportRequest::read(&header("")).expect("reads");
    assert!(matches!(request.application(), Err(ServiceError::Message { .. })));
    assert!(Digested::read(&format!("{} x:y", digest.word())).is_err());
}

/// The checksums kept with an attachment give exactly the digests computed from its bytes, so
/// a packet made from them is the packet made by reading every file; an attachment without
/// them, or whose id or SM3 is not a digest, is read again.
#[test]
fn checksums_kept_at_attaching_give_the_same_packet() {
    let catalog = restaurant_catalog();
    let (mut draft, files) = crate::packet::export::tests::draft(&catalog);
    let computed = crate::packet::export::digests_of(&files);
    for (id, digest) in &computed {
        draft.attachments.get_mut(id).expect("attached").checksums = Some(digest.checksums());
    }
    let request = ExportRequest {
        document: document_of(&Rc::new(draft.clone())),
        draft: draft.id.clone(),
        files: files.keys().cloned().collect(),
        today: Date::from_ymd(2026, 12, 2).expect("a day"),
        created_ms: 1_796_200_200_000,
        lang: Lang::Zh,
        app_version: "test".to_owned(),
        next_step: String::new(),
        only: String::new(),
    };
    let application = request.application().expect("its draft");
    let known: Vec<FileDigest> = request.known_digests(&application).into_iter().flatten().collect();
    assert_eq!(known, computed.values().cloned().collect::<Vec<_>>());
    let (_, from_kept) = do_export(&request, &application, &catalog, known).expect("exports");
    let (_, from_read) =
        do_export(&request, &application, &catalog, computed.values().cloned().collect()).expect("exports");
    assert_eq!(from_kept, from_read);

    let attachment = application.attachments.values().next().expect("an attachment").clone();
    for broken in [
        crate::attachment::Attachment { checksums: None, ..attachment.clone() },
        crate::attachment::Attachment { id: "not-a-digest".to_owned(), ..attachment.clone() },
        crate::attachment::Attachment {
            checksums: Some(crate::attachment::Checksums { sm3: "ABC".to_owned(), crc32: 1 }),
            ..attachment.clone()
        },
    ] {
        assert_eq!(FileDigest::known(&broken), None, "{broken:?}");
    }
}

/// A file being attached gets its checksums only when the worker read the very file the page
/// measured: the same SHA-256 (its id) and size.
#[test]
fn checksums_are_answered_only_for_the_file_measured() {
    let digest = FileDigest::of(b"a scan");
    let word = checksums_reply(&digest.sha256, digest.size, &digest).expect("the same file");
    assert_eq!(crate::attachment::Checksums::read(&word), Some(digest.checksums()));
    let other = FileDigest::of(b"another scan");
    assert_eq!(checksums_reply(&other.sha256, digest.size, &digest), Err(ServiceError::FileUnreadable));
    assert_eq!(checksums_reply(&digest.sha256, digest.size + 1, &digest), Err(ServiceError::FileUnreadable));
}
