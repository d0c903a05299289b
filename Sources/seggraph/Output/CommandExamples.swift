// The examples every subcommand's --help ends with. They are written against the data the
// README's tour builds (`seggraph simulate --cameras 6 --people 60 --hours 0.5` plus the vtest
// tracker output with its video), and `ExampleCommandTests` runs each one there and requires
// an answer: an example that stops working fails `make test`. Paths under /tmp are where an
// example writes; the test moves them into its own scratch folder.

enum CommandExamples {
    /// Command name → (command line after `seggraph`, what it shows).
    static let byCommand: [String: [(String, String)]] = [
        "init": [("init --store /tmp/new.store", "an empty store")],
        "import": [
            ("import /tmp/site/cam_00.json --replace", "re-import a changed file (unchanged: skipped)"),
            ("import ../shared/data/segments/tud-campus_gt.json --source tud", "the native format, named source"),
            ("import ../shared/data/mot/TUD-Campus/gt.txt --fps 25 --source tud-mot", "MOTChallenge ground truth"),
        ],
        "sources": [("sources", "cameras, clocks, extents"), ("sources --json", "the same for programs")],
        "segments": [
            ("segments --source cam_00 --from 14:10 --to 14:11 --label person", "one camera, one minute"),
            ("segments --from 14:20 --to 14:20:10", "every camera, in the zone they share"),
            ("segments --label bag --from latest-10m", "the last 10 minutes of recorded data"),
            ("segments --source cam_00 --from 14:10 --to 14:11 --utc", "times shown in UTC"),
            ("segments --where \"json_extract(attributes, '$.track_id') = 't_8'\"", "SQL over the catalog"),
        ],
        "show": [("show cam_02/seg_000012 --boxes 3", "times, boxes, embeddings, provenance")],
        "find": [
            ("find --label person --with holds:bag", "who carried a bag"),
            ("find --label person --with holds:bag --group-by individual", "each carrier once, and which bag"),
            ("find --label person --without wears:hardhat", "workers without hardhats"),
            ("find --label person --with during:near_miss", "who took part in the near miss"),
            ("find --label person --then 'label=near_miss within 2m'", "who was seen shortly before it"),
            ("find --label suitcase --clips", "merged per-camera clips"),
            ("find --source vtest --label person --limit 9 --sheet /tmp/people.jpg", "nine people, and a numbered contact sheet of them"),
        ],
        "trace": [
            ("trace --segment cam_02/seg_000012 --from 14:00 --to 14:30", "everywhere this person went"),
            ("trace --track cam_02:t_10 --explain --json", "seeded by a track, with the reasons"),
            ("trace --segment cam_02/seg_000012 --svg /tmp/trace.svg", "the timeline picture"),
            ("trace --segment cam_02/seg_000012 --json > /tmp/evidence.json", "kept as evidence (see verify)"),
        ],
        "topology": [("topology", "camera pairs and learned transit times")],
        "similar": [
            ("similar --segment cam_02/seg_000012 -k 5 --label person", "the five most similar people"),
            ("similar --segment cam_02/seg_000012 -k 5 --group-by source", "the best per camera"),
        ],
        "neighbors": [("neighbors cam_02/seg_000012 --kind near,same_as --hops 2", "linked segments, two hops")],
        "contacts": [("contacts cam_02/seg_000012 --hops 2", "who was near this person, and near them")],
        "path": [("path cam_02/seg_000012 cam_00/seg_000048", "how one sighting leads to another in time")],
        "zones": [("zones", "every zone"), ("zones set cam_04 dock '0,400 300,400 300,720 0,720'", "add a zone")],
        "stats": [("stats", "counts, sizes, configuration")],
        "check": [("check", "exit 0 when every index agrees")],
        "config": [("config show", "linker thresholds and label roles"),
                   ("config set nearDurationSecondsMin 2", "change one (then relink)")],
        "relink": [("relink", "derive every edge again")],
        "reindex": [("reindex", "rebuild the SQL catalog from LMDB")],
        "link": [
            ("link reject cam_02/seg_000012 cam_02/seg_000032 --by 'K. Obi'", "not the same person"),
            ("link list", "every verdict"),
            ("link withdraw cam_02/seg_000012 cam_02/seg_000032", "take it back"),
        ],
        "verify": [("verify /tmp/evidence.json", "does the store still give this saved trace?")],
        "simulate": [
            ("simulate --out /tmp/site2 --cameras 6 --people 120 --hours 0.5", "a site and its ground truth"),
            ("simulate --out /tmp/hard --profile hostile --seed 7 --hours 0.1", "what real trackers get wrong"),
        ],
        "eval": [("eval links --truth /tmp/site/ground_truth.json", "precision and recall per edge kind"),
                 ("eval trace --truth /tmp/site/ground_truth.json --queries 20", "the trace against the truth")],
        "probe": [("probe ../shared/data/videos/box.mp4", "container, streams, frames, start time")],
        "export": [("export --format neo4j-csv --source cam_00 /tmp/neo4j", "Neo4j admin-import CSV")],
        "backup": [("backup /tmp/site-backup.store", "a consistent, compacted copy")],
        "thumbnail": [("thumbnail vtest/vtest-mog2-0003 -o /tmp/vtest-0003.jpg", "the box, cut from the video"),
                      ("thumbnail vtest/vtest-mog2-0001 vtest/vtest-mog2-0003 -o /tmp/pics", "one JPEG each, in a folder"),
                      ("thumbnail vtest/vtest-mog2-0001 -o /tmp/vtest-0001.png", "PNG, because the name says so"),
                      ("thumbnail vtest/vtest-mog2-000{1,2,3} --sheet /tmp/sheet.png", "one contact sheet, cells numbered as in the table")],
        "serve": [("serve --port 8080", "then open http://127.0.0.1:8080/ (not run by the tests: it keeps running)")],
    ]

    /// Longest example line that --help prints unwrapped (it wraps at 80 columns).
    static let lineLengthMax = 78

    /// "Examples:" then, per example, `  # what` over `  seggraph ARGS` (a line to copy whole),
    /// for the end of --help.
    static func section(_ command: String) -> String {
        let lines = byCommand[command] ?? []
        guard !lines.isEmpty else { return "" }
        return "Examples:\n" + lines.map { line, what in "  # \(what)\n  seggraph \(line)" }.joined(separator: "\n")
    }

    /// `section` after an existing discussion.
    static func appended(_ command: String) -> String { "\n\n" + section(command) }
}
