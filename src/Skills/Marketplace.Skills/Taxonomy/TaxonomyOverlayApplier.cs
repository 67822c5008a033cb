using Marketplace.Skills.Text;

namespace Marketplace.Skills.Taxonomy;

// Applies an overlay change by change, so that each error names the change and what it conflicts with; the result is then
// built by the same loader as the data files, which checks everything once more.
internal static class TaxonomyOverlayApplier
{
    public static TaxonomyLoadResult Apply(SkillTaxonomy taxonomy, TaxonomyOverlay overlay)
    {
        var state = new State(taxonomy);
        var errors = new List<string>();
        for (int k = 0; k < overlay.Changes.Count; k++)
        {
            var change = overlay.Changes[k];
            string? error = change switch
            {
                null => "a null change",
                AddSkill c => state.AddSkill(c),
                AddAlias c => state.AddAlias(c),
                AddImplication c => state.AddImplication(c),
                AddRelation c => state.AddRelation(c),
                MergeSkills c => state.Merge(c),
                MarkNotASkill c => state.MarkNotASkill(c),
                _ => $"unknown kind of change {change.GetType().Name}",
            };
            if (error is not null) errors.Add($"overlay change {k + 1} ({change?.Describe() ?? "null"}): {error}");
        }
        if (errors.Count > 0) return new TaxonomyLoadResult(null, errors, []);

        var built = TaxonomyLoader.Build([.. state.Definitions().Select(d => ("overlay", d))], [.. taxonomy.Sources], [], state.MergedInto, state.NotSkillKeys);
        return built.IsSuccess ? built : built with { Errors = [.. built.Errors.Select(e => "overlay: " + e)] };
    }

    private sealed class Draft(SkillDefinition d)
    {
        public string Id { get; } = d.Id;
        public string Name { get; } = d.Name;
        public string Category { get; } = d.Category;
        public List<string> Aliases { get; } = [.. d.Aliases ?? []];
        public List<string> Ambiguous { get; } = [.. d.AmbiguousAliases ?? []];
        public List<string> Implies { get; } = [.. d.Implies ?? []];
        public List<RelatedDefinition> Related { get; } = [.. d.Related ?? []];
        public long Popularity { get; set; } = d.Popularity;

        public IEnumerable<string> Forms() => Aliases.Prepend(Name);

        public SkillDefinition ToDefinition() => new()
        {
            Id = Id, Name = Name, Category = Category, Aliases = [.. Aliases], AmbiguousAliases = [.. Ambiguous],
            Implies = [.. Implies], Related = [.. Related], Popularity = Popularity,
        };
    }

    private sealed class State
    {
        private readonly List<Draft> _drafts;
        private readonly Dictionary<string, Draft> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _aliasOwner = new(StringComparer.Ordinal);

        public State(SkillTaxonomy taxonomy)
        {
            _drafts = [.. taxonomy.Definitions.Select(d => new Draft(d))];
            foreach (var d in _drafts)
            {
                _byId[d.Id] = d;
                foreach (string form in d.Forms()) _aliasOwner.TryAdd(Tokenizer.Key(form), d.Id);
            }
            MergedInto = new Dictionary<string, string>(taxonomy.MergedInto, StringComparer.Ordinal);
            NotSkillKeys = new HashSet<string>(taxonomy.NotSkillKeys, StringComparer.Ordinal);
        }

        public Dictionary<string, string> MergedInto { get; }
        public HashSet<string> NotSkillKeys { get; }

        public IEnumerable<SkillDefinition> Definitions() => _drafts.Select(d => d.ToDefinition());

        public string? AddSkill(AddSkill change)
        {
            var d = change.Skill;
            if (d is null || string.IsNullOrWhiteSpace(d.Id)) return "the skill has no id";
            if (string.IsNullOrWhiteSpace(d.Name)) return "the skill has no name";
            if (_byId.ContainsKey(d.Id)) return $"skill id '{d.Id}' already exists";
            if (MergedInto.TryGetValue(d.Id, out string? into)) return $"skill id '{d.Id}' was merged into '{into}'; ids are never reused";
            if (SkillCategories.Find(d.Category) is null) return $"unknown category '{d.Category}'";
            foreach (string form in (d.Aliases ?? []).Prepend(d.Name))
                if (AliasConflict(form, null) is { } conflict) return conflict;
            foreach (string target in d.Implies ?? [])
                if (Resolve(target) is null) return $"implies unknown skill id '{target}'";
            foreach (var r in d.Related ?? [])
            {
                if (r is null || Resolve(r.Id) is null) return $"is related to unknown skill id '{r?.Id}'";
                if (!(r.Similarity > 0 && r.Similarity < 1)) return $"similarity {r.Similarity} with '{r.Id}' is outside (0, 1)";
            }
            var draft = new Draft(d with { Implies = [.. (d.Implies ?? []).Select(t => Resolve(t)!.Id)], Related = [.. (d.Related ?? []).Select(r => r with { Id = Resolve(r.Id)!.Id })] });
            _drafts.Add(draft);
            _byId[draft.Id] = draft;
            foreach (string form in draft.Forms()) { string key = Tokenizer.Key(form); _aliasOwner.TryAdd(key, draft.Id); NotSkillKeys.Remove(key); }
            return null;
        }

        public string? AddAlias(AddAlias change)
        {
            if (Resolve(change.SkillId) is not { } skill) return $"unknown skill id '{change.SkillId}'";
            if (AliasConflict(change.Alias, skill.Id) is { } conflict) return conflict;
            string key = Tokenizer.Key(change.Alias);
            if (!_aliasOwner.ContainsKey(key)) skill.Aliases.Add(change.Alias);
            if (change.Ambiguous && !skill.Ambiguous.Any(a => Tokenizer.Key(a) == key)) skill.Ambiguous.Add(change.Alias);
            _aliasOwner[key] = skill.Id;
            NotSkillKeys.Remove(key);
            return null;
        }

        public string? AddImplication(AddImplication change)
        {
            if (Resolve(change.SkillId) is not { } from) return $"unknown skill id '{change.SkillId}'";
            if (Resolve(change.ImpliedId) is not { } to) return $"unknown skill id '{change.ImpliedId}'";
            if (from == to) return $"'{from.Id}' cannot imply itself";
            if (PathBetween(to.Id, from.Id) is { } path)
                return $"it would close the implication cycle {from.Id} -> {string.Join(" -> ", path)}";
            if (!from.Implies.Contains(to.Id)) from.Implies.Add(to.Id);
            return null;
        }

        public string? AddRelation(AddRelation change)
        {
            if (Resolve(change.SkillId) is not { } a) return $"unknown skill id '{change.SkillId}'";
            if (Resolve(change.OtherId) is not { } b) return $"unknown skill id '{change.OtherId}'";
            if (a == b) return $"'{a.Id}' cannot be related to itself";
            if (!(change.Similarity > 0 && change.Similarity < 1)) return $"similarity {change.Similarity} is outside (0, 1)";
            a.Related.RemoveAll(r => r.Id == b.Id);
            b.Related.RemoveAll(r => r.Id == a.Id);
            a.Related.Add(new RelatedDefinition(b.Id, change.Similarity));
            return null;
        }

        public string? Merge(MergeSkills change)
        {
            if (!_byId.TryGetValue(change.FromId ?? "", out var from))
                return MergedInto.TryGetValue(change.FromId ?? "", out string? was) ? $"'{change.FromId}' was already merged into '{was}'" : $"unknown skill id '{change.FromId}'";
            if (Resolve(change.IntoId) is not { } into) return $"unknown skill id '{change.IntoId}'";
            if (from == into) return $"'{from.Id}' cannot be merged into itself";
            foreach (var d in _drafts)
                if (d != from && d != into && d.Implies.Contains(from.Id) is var viaFrom && viaFrom)
                    if (into.Implies.Contains(d.Id) || PathBetween(into.Id, d.Id) is not null)
                        return $"'{d.Id}' implies '{from.Id}' while '{into.Id}' leads to '{d.Id}': the merge would close an implication cycle";
            foreach (string t in from.Implies.Where(t => t != into.Id))
                if (PathBetween(t, into.Id) is { } path)
                    return $"'{from.Id}' implies '{t}', which leads back to '{into.Id}' ({string.Join(" -> ", path)}): the merge would close an implication cycle";

            foreach (string form in from.Forms())
            {
                string key = Tokenizer.Key(form);
                if (!into.Forms().Any(f => Tokenizer.Key(f) == key)) into.Aliases.Add(form);
                _aliasOwner[key] = into.Id;
            }
            foreach (string a in from.Ambiguous) if (!into.Ambiguous.Contains(a)) into.Ambiguous.Add(a);
            foreach (string t in from.Implies) if (t != into.Id && !into.Implies.Contains(t)) into.Implies.Add(t);
            foreach (var r in from.Related) if (r.Id != into.Id && !into.Related.Any(x => x.Id == r.Id)) into.Related.Add(r);
            into.Popularity = Math.Max(into.Popularity, from.Popularity);
            _drafts.Remove(from);
            _byId.Remove(from.Id);
            foreach (var d in _drafts)
            {
                int at = d.Implies.IndexOf(from.Id);
                if (at >= 0) { d.Implies.RemoveAt(at); if (d != into && !d.Implies.Contains(into.Id)) d.Implies.Add(into.Id); }
                int rel = d.Related.FindIndex(r => r.Id == from.Id);
                if (rel >= 0)
                {
                    var r = d.Related[rel];
                    d.Related.RemoveAt(rel);
                    if (d != into && !d.Related.Any(x => x.Id == into.Id) && !into.Related.Any(x => x.Id == d.Id)) d.Related.Add(r with { Id = into.Id });
                }
            }
            foreach (var (old, target) in MergedInto.ToList()) if (target == from.Id) MergedInto[old] = into.Id;
            MergedInto[from.Id] = into.Id;
            return null;
        }

        public string? MarkNotASkill(MarkNotASkill change)
        {
            string key = Tokenizer.Key(change.Mention);
            if (key.Length == 0) return "the mention has no letters or digits";
            if (_aliasOwner.TryGetValue(key, out string? owner) && _byId.TryGetValue(owner, out var skill))
            {
                if (Tokenizer.Key(skill.Name) == key) return $"'{change.Mention}' is the name of skill '{skill.Id}'; merge that skill into another instead";
                skill.Aliases.RemoveAll(a => Tokenizer.Key(a) == key);
                skill.Ambiguous.RemoveAll(a => Tokenizer.Key(a) == key);
                _aliasOwner.Remove(key);
            }
            NotSkillKeys.Add(key);
            return null;
        }

        private Draft? Resolve(string? id)
        {
            if (id is null) return null;
            for (int hops = 0; hops < 64 && MergedInto.TryGetValue(id, out string? into); hops++) id = into;
            return _byId.GetValueOrDefault(id);
        }

        private string? AliasConflict(string? alias, string? skillId)
        {
            string key = Tokenizer.Key(alias);
            if (key.Length == 0) return $"alias '{alias}' has no letters or digits";
            if (_aliasOwner.TryGetValue(key, out string? owner) && owner != skillId)
                return $"'{alias}' (normalized '{key}') is already an alias of '{owner}'";
            return null;
        }

        // The implication path from one skill to another (both included), or null when there is none.
        private List<string>? PathBetween(string from, string to)
        {
            var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                string s = queue.Dequeue();
                if (s == to)
                {
                    var path = new List<string>();
                    for (string? at = s; at is not null; at = previous[at]) path.Add(at);
                    path.Reverse();
                    return path;
                }
                if (!_byId.TryGetValue(s, out var d)) continue;
                foreach (string t in d.Implies)
                    if (previous.TryAdd(t, s)) queue.Enqueue(t);
            }
            return null;
        }
    }
}
