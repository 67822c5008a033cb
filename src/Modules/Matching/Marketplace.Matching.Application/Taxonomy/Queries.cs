using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;
using Mediator;

namespace Marketplace.Matching.Application.Taxonomy;

/// <summary>A skill as the admins' page shows it: what it is called, how it is written, what it implies and what it is close to.</summary>
public sealed record TaxonomySkillView(string Id, string Name, string Category, bool BackendCore, IReadOnlyList<string> Aliases, IReadOnlyList<string> Implies,
    IReadOnlyList<string> Related);

/// <summary>Skills whose id, name or an alias contains the text (exact and prefix matches first); the most popular when it is empty.</summary>
public sealed record SearchTaxonomy(string? Text, int Limit = 25) : IQuery<TaxonomySearchResult>;

/// <summary>The matches, and the taxonomy's size.</summary>
public sealed record TaxonomySearchResult(IReadOnlyList<TaxonomySkillView> Skills, int SkillCount, int AliasCount);

public sealed class SearchTaxonomyHandler(ISkillsFacade skills) : IQueryHandler<SearchTaxonomy, TaxonomySearchResult>
{
    public ValueTask<TaxonomySearchResult> Handle(SearchTaxonomy query, CancellationToken cancellationToken)
    {
        var taxonomy = skills.Current;
        string key = Tokenizer.Key(query.Text);
        int limit = Math.Clamp(query.Limit, 1, 100);
        var found = key.Length == 0
            ? taxonomy.Skills.OrderByDescending(s => s.Popularity).ThenBy(s => s.Id, StringComparer.Ordinal).Take(limit)
            : taxonomy.Skills
                .Select(s => (Skill: s, Rank: Rank(taxonomy, s, key, query.Text!.Trim().ToLowerInvariant())))
                .Where(x => x.Rank < int.MaxValue)
                .OrderBy(x => x.Rank).ThenByDescending(x => x.Skill.Popularity).ThenBy(x => x.Skill.Id, StringComparer.Ordinal)
                .Take(limit).Select(x => x.Skill);
        return ValueTask.FromResult(new TaxonomySearchResult([.. found.Select(s => View(taxonomy, s))], taxonomy.Skills.Count, taxonomy.AliasCount));
    }

    public static TaxonomySkillView View(SkillTaxonomy taxonomy, Skill skill)
    {
        var definition = taxonomy.Definitions[skill.Index];
        return new TaxonomySkillView(skill.Id, skill.Name, skill.Category, skill.IsBackendCore,
            [.. taxonomy.AliasesOf(skill).Skip(1).Select(a => a.Text)],
            [.. definition.Implies],
            [.. taxonomy.RelatedTo(skill).Select(r => $"{taxonomy[r.Skill].Id} ({r.Similarity:0.##})")]);
    }

    private static int Rank(SkillTaxonomy taxonomy, Skill skill, string key, string id)
    {
        if (skill.Id == id) return 0;
        int best = skill.Id.Contains(id, StringComparison.Ordinal) ? 3 : int.MaxValue;
        var aliases = taxonomy.AliasesOf(skill);
        for (int a = 0; a < aliases.Count; a++)
        {
            string alias = aliases[a].Key;
            if (alias == key) return a == 0 ? 0 : 1;
            if (alias.StartsWith(key, StringComparison.Ordinal)) best = Math.Min(best, 2);
            else if (alias.Contains(key, StringComparison.Ordinal)) best = Math.Min(best, 3);
        }
        return best;
    }
}

/// <summary>The unknown-mentions queue, most mentioned first.</summary>
public sealed record ListUnknownMentions(int Take = 50) : IQuery<IReadOnlyList<QueuedMention>>;

public sealed class ListUnknownMentionsHandler(IUnknownMentions mentions, UnknownMentionFilter filter) : IQueryHandler<ListUnknownMentions, IReadOnlyList<QueuedMention>>
{
    public async ValueTask<IReadOnlyList<QueuedMention>> Handle(ListUnknownMentions query, CancellationToken cancellationToken)
    {
        var open = await mentions.OpenAsync(Math.Clamp(query.Take, 1, 200) * 2, 3, cancellationToken);
        // A mention the taxonomy learnt another way (an alias added by hand) leaves the queue without being settled here.
        var unknown = filter.Unknown(open.Select(m => m.Text)).ToHashSet(StringComparer.Ordinal);
        return [.. open.Where(m => unknown.Contains(m.Text)).Take(query.Take)];
    }
}

/// <summary>A stored change as the page lists it.</summary>
public sealed record OverlayChangeView(long Position, string Description, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The latest overlay changes, newest first.</summary>
public sealed record ListOverlayChanges(int Count = 20) : IQuery<IReadOnlyList<OverlayChangeView>>;

public sealed class ListOverlayChangesHandler(ITaxonomyOverlay overlay) : IQueryHandler<ListOverlayChanges, IReadOnlyList<OverlayChangeView>>
{
    public async ValueTask<IReadOnlyList<OverlayChangeView>> Handle(ListOverlayChanges query, CancellationToken cancellationToken) =>
        [.. (await overlay.RecentAsync(Math.Clamp(query.Count, 1, 100), cancellationToken)).Select(e => new OverlayChangeView(e.Position, e.Description, e.ChangedBy, e.ChangedAt))];
}
