import CadrePlan
import Foundation

/// The desk's page language: Chinese unless the request asks `?lang=en`.
struct DeskLanguage: Sendable {
    /// Whether the page is in English.
    let english: Bool

    /// The language of the plan's own tables and reports.
    var language: Language { english ? .en : .zh }

    /// `phrase` in this language (from the tables of DeskPhrase+Chinese.swift and DeskPhrase+English.swift).
    func text(_ phrase: DeskPhrase) -> String { language.text(phrase) }

    /// `path` with the language kept (links carry `lang=en` when the page is in English).
    func link(_ path: String) -> String {
        guard english else { return path }
        return path + (path.contains("?") ? "&" : "?") + "lang=en"
    }

    /// The hidden form field that keeps the language across a POST.
    var field: String { english ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "" }
}

/// HTML building blocks; every text from a file or a request goes through ``escape(_:)``.
enum DeskHTML {
    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Percent-encodes a path segment.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? text
    }

    /// A whole page: no script or style from the network (everything inline).
    static func page(title: String, lang: DeskLanguage, nav: [(String, String)] = [], body: String) -> String {
        let links = nav.map { "<a href=\"\(escape(lang.link($0.1)))\">\(escape($0.0))</a>" }.joined(separator: " › ")
        // The other language's link: back to the default (no query) from English, to ?lang=en from Chinese.
        let other = "<a href=\"\(lang.english ? "?" : "?lang=en")\">\(escape(lang.text(.switchLanguage)))</a>"
        return """
        <!DOCTYPE html>
        <html lang="\(lang.text(.htmlLanguage))"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title><style>\(style)</style></head>
        <body><header><strong>\(escape(lang.text(.deskTitle)))</strong> \(links) <span class="lang">\(other)</span></header>
        <main><h1>\(escape(title))</h1>
        \(body)
        </main><script>\(script)</script></body></html>

        """
    }

    /// A table whose rows the page filters (the text box) and sorts (a click on a header) in the browser.
    /// Cells are HTML already escaped by the caller.
    static func table(id: String, header: [String], rows: [[String]], lang: DeskLanguage) -> String {
        var out = "<p><input type=\"search\" class=\"filter\" data-table=\"\(id)\" placeholder=\"\(escape(lang.text(.filter)))\"> <span class=\"count\" id=\"\(id)-count\">\(rows.count)</span> \(escape(lang.text(.rows)))</p>\n"
        out += "<table id=\"\(id)\" class=\"sortable\"><thead><tr>"
        out += header.map { "<th>\(escape($0))</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return out + "</tbody></table>\n"
    }

    /// A POST form with one button; `fields` are hidden inputs.
    static func button(_ action: String, _ label: String, fields: [(String, String)], lang: DeskLanguage, cssClass: String = "") -> String {
        let hidden = fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\(escape($0.1))\">" }.joined()
        return "<form method=\"post\" action=\"\(escape(action))\" class=\"inline \(cssClass)\">\(hidden)\(lang.field)<button type=\"submit\">\(escape(label))</button></form>"
    }

    static let style = """
    body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:0;color:#222}
    header{background:#1f4e79;color:#fff;padding:8px 16px}header a{color:#dfe9f5}.lang{float:right}
    main{padding:8px 16px}table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px}
    th{background:#eef3f8;cursor:pointer;position:sticky;top:0}tr:nth-child(even){background:#fafafa}
    form.inline{display:inline;margin:0 2px}button{cursor:pointer}.pinned{background:#fff4c2 !important}
    .msg{padding:6px 10px;border-radius:4px;background:#e8f4e8;border:1px solid #9c9}.err{background:#fbe9e9;border-color:#d99}
    #progress{font-family:monospace;color:#555}pre.explain{background:#f6f6f6;padding:8px;white-space:pre-wrap}iframe{width:100%;height:1400px;border:1px solid #ddd}
    .actions form{margin-right:8px}nav.tabs a{margin-right:10px}[hidden]{display:none !important}
    details.variant{margin:10px 0;padding:6px 10px;border:1px solid #ddd;border-radius:4px}details.variant label{display:inline-block;margin:3px 8px 3px 0}
    """

    /// Sorting, filtering and the progress line while a solve runs.
    static let script = """
    document.querySelectorAll('input.filter').forEach(function(box){box.addEventListener('input',function(){
      var t=document.getElementById(box.dataset.table),q=box.value.toLowerCase(),n=0;
      t.querySelectorAll('tbody tr').forEach(function(r){var s=r.textContent.toLowerCase().indexOf(q)>=0;r.style.display=s?'':'none';if(s)n++;});
      document.getElementById(box.dataset.table+'-count').textContent=n;});});
    document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){
      var tb=th.closest('table').tBodies[0],rows=Array.from(tb.rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';
      rows.sort(function(a,b){var x=a.cells[i].textContent.trim(),y=b.cells[i].textContent.trim(),nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh');return asc?c:-c;});rows.forEach(function(r){tb.appendChild(r);});});});
    document.querySelectorAll('form.solve').forEach(function(f){f.addEventListener('submit',function(){
      var p=document.getElementById('progress');document.querySelectorAll('form.solve button').forEach(function(b){b.disabled=true;});
      setInterval(function(){fetch(f.dataset.progress).then(function(r){return r.text();}).then(function(t){if(p)p.textContent=t;});},500);
      document.querySelectorAll('form.cancel').forEach(function(c){c.hidden=false;});});});
    document.querySelectorAll('form.cancel').forEach(function(c){c.addEventListener('submit',function(e){
      if(!document.querySelector('form.solve button:disabled'))return;e.preventDefault();
      fetch(c.action,{method:'POST',body:new URLSearchParams(new FormData(c))});c.querySelector('button').disabled=true;});});
    """
}
