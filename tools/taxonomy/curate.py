#!/usr/bin/env python3
"""Curation helper for the skills taxonomy (never run by the build, the app or the tests).

Adds skills written in a compact draft format to the embedded data files and enriches every skill with reviewed source forms:

  python3 tools/taxonomy/curate.py [--draft FILE ...] --onet DIR --stackoverflow DIR [--report FILE]

Draft lines (one skill each, '#' starts a comment; fields after the category may be left empty or omitted):

  id | Name | category | alias; alias | ambiguous form; ... | implied-id; ... | related-id:0.5; ... | popularity | file

What it takes from the sources, for every skill (drafted or already in the data):
  * Stack Exchange data dump (CC BY-SA): the skill's tag (the tag whose key is one of the skill's forms or its id), that tag and its
    reviewed synonyms as aliases, and the tag's question count as popularity when the skill has none.
  * O*NET 29.2 (CC BY 4.0): every product name in Technology Skills.txt that, without its vendor prefix, a version or a trailing
    "software", is exactly one of the skill's forms, used verbatim as an alias (O*NET names are vendor-prefixed).
A source form is left out when its key already belongs to another skill, when it carries a version, or when it is on the
refusal list below (forms that mean a plain word, another skill or two skills). The JSON files stay the source of truth:
review the diff and the report before committing.
"""
import argparse, csv, json, os, re, sys, unicodedata, collections

DATA = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'Skills', 'Marketplace.Skills', 'Taxonomy', 'Data')
VENDORS = ["microsoft", "ms", "oracle", "amazon", "aws", "apache", "google", "ibm", "the", "red hat", "redhat", "adobe",
           "hashicorp", "jetbrains", "atlassian", "vmware", "pivotal", "elastic", "sap", "salesforce", "mongodb", "docker",
           "github", "gitlab", "meta", "facebook", "netflix", "cloudflare", "confluent", "grafana", "datadog", "progress", "eclipse"]
# Source forms that are plain words, mean another skill or two skills, or are too short to be safe.
REFUSED = set("""
go rust swift spring express next rails flask chef puppet salt helm vault make ant maven r c ruby julia crystal windows oracle
jenkins cypress jest lambda rest soap word excel access project teams outlook visio office dart elm io sheets forms power
mobile cloud security design data test testing build deploy api apis web app apps server client script scripts code framework
shell terminal console debug release core sdk ide editor plugin plugins package packages module modules library libraries
database db sql-server-2008 cc css-3 js-frameworks frameworks ui ux gui qa ci cd devops agile scrum lean kanban safe xp
ios-simulator iphone-sdk mac osx linux-kernel unix-shell vba-excel ms ms-office office-js ole xl sp wp es ts pg ms-word
backbone ember meteor knockout polymer aurelia alpine solid lit svelte stencil marko preact inferno mithril riot
flux dataflow container containers data-structure .java elixir-framework argo tf pub-sub pubsub api-gateway version-control monitoring
tracing performance profiling blob-storage authorization static-analysis lambda-functions reverse-proxy
""".split())
VERSIONED = re.compile(r'(^|[^a-z])(v?\d+(\.\d+)*(\.x)?|\d+[a-z]?)$|-\d|\d+\.x|\bv\d')

def tokenize(text):
    tokens, i, n = [], 0, len(text)
    isword = lambda ch: ch.isalnum()
    while i < n:
        c = text[i]
        leading_dot = c == '.' and i + 1 < n and text[i + 1].isalpha() and (i == 0 or not isword(text[i - 1]))
        if not isword(c) and not leading_dot:
            i += 1; continue
        start = i; i += 1
        while True:
            while i < n and isword(text[i]): i += 1
            if i >= n: break
            ch = text[i]
            if ch == '.' and i + 1 < n and isword(text[i + 1]): i += 1; continue
            if ch == '#' and text[i - 1].isalpha() and (i + 1 >= n or not isword(text[i + 1])): i += 1; break
            if ch == '+' and (text[i - 1].isalpha() or text[i - 1] == '+'):
                while i < n and text[i] == '+': i += 1
                if i < n and text[i].isdigit(): continue
            break
        tokens.append(text[start:i].lower())
    return tokens

FIELDS = ['id', 'name', 'category', 'aliases', 'ambiguousAliases', 'implies', 'related', 'popularity']

def dump(value):
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return '[' + ', '.join('{' + ', '.join(f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in r.items()) + '}' for r in value) + ']'
    return json.dumps(value, ensure_ascii=False, separators=(', ', ': '))

def key(text):
    return ' '.join(tokenize(unicodedata.normalize('NFKC', text)))

def strip_onet(name):
    k = key(name).split(' ')
    for v in sorted(VENDORS, key=lambda v: -len(v.split(' '))):
        vt = v.split(' ')
        if len(k) > len(vt) and k[:len(vt)] == vt:
            k = k[len(vt):]; break
    while len(k) > 1 and (re.fullmatch(r'v?\d+(\.\d+)*[a-z]?|software|lts|x', k[-1])): k = k[:-1]
    return ' '.join(k)

AFFIXES = ('js', 'framework', 'lang', 'io', 'the')

def squash(form):
    k = re.sub(r'[^a-z0-9#+]', '', key(form).replace(' ', ''))
    for a in AFFIXES:
        if k.endswith(a) and len(k) > len(a) + 2: k = k[:-len(a)]
    return k[:-1] if k.endswith('s') else k

# Most tag synonyms name a sub-topic ("jquery-css", "php-session") or another thing ("lambda-expressions"): only spelling
# variants of the tag itself are taken ("winform", "vertx.io", "sql-srever" is not).
def same_name(synonym, tag):
    return squash(synonym) == squash(tag)

def parse_draft(path):
    skills = []
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.split(' #', 1)[0].rstrip() if not line.lstrip().startswith('#') else ''
        if not line.strip(): continue
        f = [x.strip() for x in line.split('|')] + [''] * 9
        split = lambda s: [x.strip() for x in s.split(';') if x.strip()]
        related = []
        for r in split(f[6]):
            rid, sim = r.rsplit(':', 1)
            related.append({"id": rid.strip(), "similarity": float(sim)})
        skills.append(({"id": f[0], "name": f[1], "category": f[2], "aliases": split(f[3]), "ambiguousAliases": split(f[4]),
                        "implies": split(f[5]), "related": related, "popularity": int(f[7]) if f[7] else 0}, f[8] or None, f"{path}:{n}"))
    return skills

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--draft', action='append', default=[])
    ap.add_argument('--onet', required=True)
    ap.add_argument('--stackoverflow', required=True)
    ap.add_argument('--report', default=None)
    ap.add_argument('--no-enrich', action='store_true')
    ap.add_argument('--aliases', action='append', default=[], metavar='FILE', help="lines 'id | alias; alias | ambiguous form; ...' adding forms to existing skills")
    ap.add_argument('--set-category', action='append', default=[], metavar='ID=CATEGORY', help='move an existing skill to another category')
    args = ap.parse_args()

    files = collections.OrderedDict()
    for name in sorted(os.listdir(DATA)):
        if name.endswith('.json'): files[name] = json.load(open(os.path.join(DATA, name), encoding='utf-8'))
    source = next(iter(files.values()))['source']
    by_id = {s['id']: s for f in files.values() for s in f['skills']}
    for path in args.draft:
        for skill, file, where in parse_draft(path):
            if skill['id'] in by_id: sys.exit(f"{where}: skill id '{skill['id']}' already exists")
            file = file or 'more.json'
            files.setdefault(file, {"source": source, "skills": []})['skills'].append(skill)
            by_id[skill['id']] = skill

    for path in args.aliases:
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            if not line.strip() or line.lstrip().startswith('#'): continue
            f = [x.strip() for x in line.split('|')] + ['', '']
            if f[0] not in by_id: sys.exit(f"{path}:{n}: unknown skill id '{f[0]}'")
            s = by_id[f[0]]
            for a in [x.strip() for x in f[1].split(';') if x.strip()]:
                if key(a) not in (key(x) for x in [s['name']] + s['aliases']): s['aliases'].append(a)
            for a in [x.strip() for x in f[2].split(';') if x.strip()]:
                if a not in s['ambiguousAliases']: s['ambiguousAliases'].append(a)
    for change in args.set_category:
        sid, category = change.split('=', 1)
        by_id[sid]['category'] = category

    owner = {}
    for s in by_id.values():
        for form in [s['name']] + s['aliases']:
            owner.setdefault(key(form), s['id'])
    counts = {r['TagName']: int(r['Count']) for r in csv.DictReader(open(os.path.join(args.stackoverflow, 'Tags.csv'), encoding='utf-8'))}
    synonyms = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(args.stackoverflow, 'TagSynonyms.csv'), encoding='utf-8')):
        if r.get('ApprovalDate'): synonyms[r['TargetTagName']].append(r['SourceTagName'])
    tag_by_key = {}
    for t in counts: tag_by_key.setdefault(key(t), t)
    onet = collections.defaultdict(set)
    with open(os.path.join(args.onet, 'Technology Skills.txt'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh, delimiter='\t'): onet[strip_onet(row['Example'])].add(row['Example'])

    report = []
    def add(s, form, why):
        k = key(form)
        if not k or k in REFUSED or form.lower() in REFUSED: return
        if owner.get(k, s['id']) != s['id']: report.append(f"left out {why} '{form}' for {s['id']}: key of {owner[k]}"); return
        if k in (key(x) for x in [s['name']] + s['aliases']): return
        s['aliases'].append(form); owner[k] = s['id']; report.append(f"added {why} '{form}' to {s['id']}")

    for s in ([] if args.no_enrich else by_id.values()):
        # The tag is found by the skill's name or aliases, never by its id alone ("storage", "blade" are ids and plain words).
        forms = [s['name']] + s['aliases']
        tag = next((tag_by_key[key(f)] for f in forms if key(f) in tag_by_key), None)
        if tag is not None and owner.get(key(tag), s['id']) == s['id']:
            if not s.get('popularity'): s['popularity'] = counts[tag]
            if tag.lower() not in REFUSED and not VERSIONED.search(tag): add(s, tag, 'tag')
            for syn in synonyms.get(tag, []):
                if not VERSIONED.search(syn) and len(key(syn)) > 2 and same_name(syn, tag): add(s, syn, 'tag synonym')
        for f in [s['name']]:
            for name in sorted(onet.get(key(f), ())):
                if not re.search(r'\d', name): add(s, name, 'O*NET name')
        if not s.get('popularity'): s['popularity'] = 500

    for name, f in files.items():
        with open(os.path.join(DATA, name), 'w', encoding='utf-8') as out:
            out.write('{\n  "source": ' + json.dumps(f['source'], ensure_ascii=False) + ',\n  "skills": [\n')
            out.write(',\n'.join('    {\n' + ',\n'.join(f'      "{k}": ' + dump(s[k]) for k in FIELDS) + '\n    }' for s in f['skills']))
            out.write('\n  ]\n}\n')
    if args.report: open(args.report, 'w', encoding='utf-8').write('\n'.join(report) + '\n')
    print(f"{len(by_id)} skills, {len(owner)} keys; {sum(1 for r in report if r.startswith('added'))} source forms added", file=sys.stderr)

if __name__ == '__main__':
    main()
