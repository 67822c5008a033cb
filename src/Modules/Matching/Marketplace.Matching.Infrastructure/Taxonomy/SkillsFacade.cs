using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Marketplace.Skills.Text;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Infrastructure.Taxonomy;

/// <summary>The skills facade over this process's catalog; reports go through a command of their own (Matching's unit of work).</summary>
internal sealed class SkillsFacade(TaxonomyCatalog catalog, IServiceScopeFactory scopes) : ISkillsFacade
{
    public SkillTaxonomy Current => catalog.Current;

    public IReadOnlyList<Skill> Normalize(string? mention) => catalog.Current.Normalize(mention);

    public IReadOnlyList<SkillSuggestion> Suggest(string? text, int limit = 8) => catalog.Current.Suggest(text, limit);

    public async Task ReportUnknownAsync(UnknownMentionOrigin origin, string placeId, IReadOnlyCollection<string> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var source = origin switch
        {
            UnknownMentionOrigin.Profile => MentionSource.Profile,
            UnknownMentionOrigin.Posting => MentionSource.Posting,
            UnknownMentionOrigin.Search => MentionSource.Search,
            _ => MentionSource.CourseImport,
        };
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordUnknownMentions(source, placeId, mentions), cancellationToken);
    }
}
