import Mustache

/// The page templates (Mustache). `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML the
/// server made itself from escaped text: Xapian's snippets and the highlighted item text.
enum Templates {
    /// The compiled templates; a template that does not parse is a programming error.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [
            ("head", head), ("header", header), ("footer", footer), ("search", search), ("item", item),
            ("error", error), ("feed", feed),
        ] {
            do {
                try library.register(text, named: name)
            } catch {
                fatalError("template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    static func render(_ object: Any, _ name: String) -> String {
        guard let html = library.render(object, withTemplate: name) else {
            fatalError("no template named \(name)")
        }
        return html
    }

    static let head = """
        <!doctype html>
        <html lang="da">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        {{#form.feedURL}}<link rel="alternate" type="application/atom+xml" title="Nye punkter for søgningen (Atom)" href="{{form.feedURL}}">{{/form.feedURL}}
        <style>
        :root { --text: #1b1b1f; --muted: #4a4f57; --line: #d5d8dd; --bg: #ffffff; --soft: #f3f5f8;
          --link: #0a4f9e; --visited: #5b2a86; --mark: #fde68a; --focus: #b45309; --error: #9b1c1c; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: var(--text); background: var(--bg); }
        a { color: var(--link); }
        a:visited { color: var(--visited); }
        a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
        .skip:focus { left: .5rem; z-index: 1; }
        .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .wrap { max-width: 68rem; margin: 0 auto; padding: 0 1rem; }
        header.site { background: var(--soft); border-bottom: 1px solid var(--line); padding: .75rem 0 1rem; }
        header.site h1 { font-size: 1.25rem; margin: 0 0 .5rem; }
        header.site h1 a { color: var(--text); text-decoration: none; }
        header.site h1 span { color: var(--muted); font-weight: normal; }
        form.search .row { display: flex; gap: .5rem; }
        form.search label.main { display: block; font-weight: 600; margin-bottom: .25rem; }
        form.search input[type=search] { flex: 1; min-width: 0; font: inherit; padding: .5rem .75rem;
          border: 2px solid #6b7280; border-radius: .375rem; background: #fff; color: var(--text); }
        form.search button { font: inherit; font-weight: 600; padding: .5rem 1.1rem; border: 0;
          border-radius: .375rem; background: var(--link); color: #fff; cursor: pointer; }
        form.search .options { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin-top: .5rem; }
        form.search .options label { display: flex; gap: .4rem; align-items: center; }
        form.search select { font: inherit; padding: .2rem .4rem; }
        form.search details { margin-top: .5rem; color: var(--muted); }
        form.search details .dates { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin-top: .5rem; }
        form.search details label { display: flex; gap: .4rem; align-items: center; }
        form.search details input { font: inherit; padding: .2rem .4rem; }
        main.wrap { padding-top: 1.25rem; padding-bottom: 2rem; }
        .notice { margin: 0 0 .75rem; }
        .error { border-left: 4px solid var(--error); background: #fdf2f2; padding: .5rem .75rem; color: var(--error); }
        .summary { color: var(--muted); margin: 0 0 .25rem; }
        .feed { margin: 0 0 1rem; font-size: .9rem; }
        .filters { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0 0 1rem; }
        .filters a { display: inline-block; padding: .15rem .6rem; border: 1px solid var(--line);
          border-radius: 1rem; background: var(--soft); text-decoration: none; color: var(--text); }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) 15rem; gap: 2rem; align-items: start; }
        ol.results { list-style: none; padding: 0; margin: 0; }
        ol.results > li { padding: .9rem 0; border-bottom: 1px solid var(--line); }
        ol.results > li:first-child { padding-top: 0; }
        .meta { margin: 0; color: var(--muted); font-size: .9rem; }
        .results h3 { font-size: 1.1rem; margin: .15rem 0 .25rem; line-height: 1.35; }
        .snippet { margin: 0; overflow-wrap: anywhere; }
        .source { margin: .25rem 0 0; color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
        mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .15em; }
        nav.facets h2 { font-size: 1rem; margin: 0 0 .5rem; }
        nav.facets h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
          margin: 1rem 0 .25rem; }
        nav.facets ul { list-style: none; padding: 0; margin: 0; }
        nav.facets li a { display: flex; justify-content: space-between; gap: .5rem; padding: .2rem .4rem;
          border-radius: .25rem; text-decoration: none; color: var(--link); }
        nav.facets li a:hover { background: var(--soft); }
        nav.facets li a[aria-current] { background: var(--link); color: #fff; font-weight: 600; }
        .count { color: var(--muted); font-variant-numeric: tabular-nums; }
        nav.facets li a[aria-current] .count { color: #fff; }
        nav.pages ul { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: 1.25rem 0 0; }
        nav.pages a, nav.pages span { display: inline-block; min-width: 2.4rem; text-align: center;
          padding: .35rem .6rem; border: 1px solid var(--line); border-radius: .3rem; text-decoration: none; }
        nav.pages a[aria-current] { background: var(--link); color: #fff; border-color: var(--link); }
        .intro { max-width: 42rem; }
        .intro code { background: var(--soft); padding: 0 .25rem; border-radius: .2rem; }
        article.item h2 { font-size: 1.4rem; margin: .25rem 0 .5rem; line-height: 1.3; }
        article.item section h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
        article.item .text p { margin: 0 0 .75rem; white-space: pre-line; overflow-wrap: anywhere; max-width: 46rem; }
        .back { margin: 0 0 .75rem; }
        section.similar { border-top: 1px solid var(--line); margin-top: 1.5rem; padding-top: .75rem; }
        section.similar h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        section.similar li { margin: .25rem 0; }
        footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; padding: .75rem 0 1.5rem; }
        @media (max-width: 46rem) {
          .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; }
          nav.facets { border-top: 1px solid var(--line); padding-top: 1rem; }
          nav.facets ul { display: flex; flex-wrap: wrap; gap: .35rem; }
          nav.facets li a { border: 1px solid var(--line); padding: .2rem .6rem; }
          form.search button { padding: .5rem .8rem; }
        }
        </style>
        </head>
        """

    /// The site header: the search form, a plain GET form that needs no JavaScript.
    static let header = """
        <body>
        <a class="skip" href="#indhold">Spring til indhold</a>
        <header class="site">
        <div class="wrap">
        <h1><a href="/">Referat <span>· søg i mødereferater</span></a></h1>
        <form class="search" role="search" action="/" method="get">
        <label class="main" for="q">Søg i referaterne</label>
        <div class="row">
        <input id="q" name="q" type="search" value="{{form.query}}" maxlength="{{form.maxLength}}" autocomplete="off" aria-describedby="hint">
        <button type="submit">Søg</button>
        </div>
        {{#form.hidden}}
        <input type="hidden" name="{{name}}" value="{{value}}">
        {{/form.hidden}}
        <div class="options">
        <label for="sort">Sortér <select id="sort" name="sort">
        <option value="relevance"{{^form.sortByDate}} selected{{/form.sortByDate}}>bedste match først</option>
        <option value="date"{{#form.sortByDate}} selected{{/form.sortByDate}}>nyeste først</option>
        </select></label>
        <label for="section"><input id="section" name="section" type="checkbox" value="decision"{{#form.decisionsOnly}} checked{{/form.decisionsOnly}}> Kun beslutninger</label>
        </div>
        <details{{#form.datesOpen}} open{{/form.datesOpen}}>
        <summary>Afgræns efter dato</summary>
        <div class="dates">
        <label for="from">Fra <input id="from" name="from" type="date" value="{{form.from}}"></label>
        <label for="to">Til <input id="to" name="to" type="date" value="{{form.to}}"></label>
        </div>
        </details>
        <p id="hint" class="vh">Skriv ord fra referaterne. Brug anførselstegn om en frase og stjerne efter en ordbegyndelse.</p>
        </form>
        </div>
        </header>
        """

    static let footer = """
        <footer class="site">
        <div class="wrap">
        <p>Referat søger i dagsordenspunkter fra mødereferater. Maskinlæsbar adgang: <a href="{{form.apiURL}}">/api/search</a>.</p>
        </div>
        </footer>
        </body>
        </html>

        """

    static let search = """
        {{> head}}
        {{> header}}
        <main id="indhold" class="wrap">
        {{#error}}
        <p class="notice error" role="alert">{{error}}</p>
        {{/error}}
        {{#suggestion}}
        <p class="notice suggestion">{{#searchedSuggestion}}Ingen resultater for »{{query}}«. Viser resultater for »<a href="{{url}}">{{text}}</a>«.{{/searchedSuggestion}}{{^searchedSuggestion}}Mente du <a href="{{url}}">{{text}}</a>?{{/searchedSuggestion}}</p>
        {{/suggestion}}
        {{#searched}}
        <p class="summary" role="status">{{summary}}{{#timing}} <span aria-hidden="true">·</span> {{timing}}{{/timing}}</p>
        <p class="feed"><a href="{{form.feedURL}}" type="application/atom+xml">Følg søgningen som feed (Atom)</a></p>
        {{#hasFilters}}
        <ul class="filters" aria-label="Aktive afgrænsninger">
        {{#filters}}
        <li><a href="{{removeURL}}">{{label}}: {{value}} <span aria-hidden="true">✕</span><span class="vh"> (fjern)</span></a></li>
        {{/filters}}
        </ul>
        {{/hasFilters}}
        <div class="layout">
        <section aria-labelledby="resultater-overskrift">
        <h2 id="resultater-overskrift" class="vh">Resultater</h2>
        {{#hasHits}}
        <ol class="results" start="{{firstRank}}">
        {{#hits}}
        <li>
        <p class="meta">{{meta}}{{#date}}{{#meta}} · {{/meta}}<time datetime="{{iso}}">{{text}}</time>{{/date}}</p>
        <h3><a href="{{url}}">Punkt {{number}}: {{title}}</a></h3>
        <p class="snippet">{{{snippet}}}</p>
        {{#source}}<p class="source">{{source}}</p>{{/source}}
        </li>
        {{/hits}}
        </ol>
        {{/hasHits}}
        {{#pagination}}
        <nav class="pages" aria-label="Sider">
        <ul>
        {{#previous}}<li><a href="{{previous}}" rel="prev">‹ Forrige</a></li>{{/previous}}
        {{#pages}}
        <li>{{#url}}<a href="{{url}}"{{#current}} aria-current="page"{{/current}}><span class="vh">Side </span>{{number}}</a>{{/url}}{{^url}}<span aria-hidden="true">…</span>{{/url}}</li>
        {{/pages}}
        {{#next}}<li><a href="{{next}}" rel="next">Næste ›</a></li>{{/next}}
        </ul>
        </nav>
        {{/pagination}}
        </section>
        {{#hasFacets}}
        <nav class="facets" aria-labelledby="afgraens-overskrift">
        <h2 id="afgraens-overskrift">Afgræns</h2>
        {{#facetGroups}}
        <h3 id="facet-{{key}}">{{heading}}</h3>
        <ul aria-labelledby="facet-{{key}}">
        {{#values}}
        <li><a href="{{url}}"{{#selected}} aria-current="true" title="Fjern afgrænsningen"{{/selected}}><span class="value">{{value}}</span> <span class="count">{{count}}<span class="vh"> resultater</span></span></a></li>
        {{/values}}
        </ul>
        {{/facetGroups}}
        </nav>
        {{/hasFacets}}
        </div>
        {{/searched}}
        {{^searched}}
        {{^error}}
        <section class="intro" aria-labelledby="intro-overskrift">
        <h2 id="intro-overskrift">Find beslutninger i mødereferaterne</h2>
        <p>Søg i dagsordenspunkter fra klyngernes og forummernes møder. Resultaterne kan afgrænses efter klynge, forum og år.</p>
        <ul>
        <li>Flere ord: punkter med alle ordene kommer først, fx <code>palliation hjemmepleje</code>.</li>
        <li>En frase: <code>"sundhedsaftale 2024"</code>. Ordbegyndelse: <code>palli*</code>. Udelad et ord: <code>-budget</code>.</li>
        <li>Felter: <code>klynge:nord</code>, <code>forum:klyngestyregruppe</code>, <code>år:2022</code>, <code>titel:akutplan</code>.</li>
        </ul>
        </section>
        {{/error}}
        {{/searched}}
        </main>
        {{> footer}}
        """

    static let item = """
        {{> head}}
        {{> header}}
        <main id="indhold" class="wrap">
        <p class="back"><a href="{{backURL}}">‹ Tilbage til {{#form.query}}søgningen{{/form.query}}{{^form.query}}forsiden{{/form.query}}</a></p>
        <article class="item" aria-labelledby="punkt-titel">
        <p class="meta">{{meta}}{{#date}}{{#meta}} · {{/meta}}<time datetime="{{iso}}">{{text}}</time>{{/date}}</p>
        <h2 id="punkt-titel">Punkt {{number}}: {{{titleHTML}}}</h2>
        {{#meetingTitle}}<p class="meta">{{meetingTitle}}</p>{{/meetingTitle}}
        {{#sections}}
        <section>
        {{#heading}}<h3>{{{heading}}}</h3>{{/heading}}
        <div class="text">
        {{#paragraphs}}
        <p>{{{.}}}</p>
        {{/paragraphs}}
        </div>
        </section>
        {{/sections}}
        <p class="source">Kilde: {{file}}, linje {{firstLine}}–{{lastLine}} · <a href="{{jsonURL}}">JSON</a></p>
        </article>
        {{#hasSimilar}}
        <section class="similar" aria-labelledby="lignende-overskrift">
        <h2 id="lignende-overskrift">Lignende punkter</h2>
        <ul>
        {{#similar}}
        <li><a href="{{url}}">{{title}}</a>{{#meta}} <span class="meta">{{meta}}</span>{{/meta}}</li>
        {{/similar}}
        </ul>
        </section>
        {{/hasSimilar}}
        </main>
        {{> footer}}
        """

    static let error = """
        {{> head}}
        {{> header}}
        <main id="indhold" class="wrap">
        <h2>{{heading}}</h2>
        <p class="notice error" role="alert">{{message}}</p>
        <p><a href="/">Til forsiden</a></p>
        </main>
        {{> footer}}
        """

    /// An Atom feed (RFC 4287); Mustache's HTML escaping is valid XML escaping.
    static let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
        <id>{{id}}</id>
        <title>{{title}}</title>
        <updated>{{updated}}</updated>
        <author><name>Referat</name></author>
        <link rel="self" type="application/atom+xml" href="{{selfURL}}"/>
        <link rel="alternate" type="text/html" href="{{pageURL}}"/>
        {{#entries}}
        <entry>
        <id>{{id}}</id>
        <title>{{title}}</title>
        <updated>{{updated}}</updated>
        <link rel="alternate" type="text/html" href="{{url}}"/>
        <summary>{{summary}}</summary>
        {{#categories}}
        <category term="{{.}}"/>
        {{/categories}}
        </entry>
        {{/entries}}
        </feed>

        """
}
