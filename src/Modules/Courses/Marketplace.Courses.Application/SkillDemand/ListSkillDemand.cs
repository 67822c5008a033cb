using Mediator;

namespace Marketplace.Courses.Application.SkillDemand;

public sealed record SkillDemandDto(string SkillId, int RequiredCount, int NiceToHaveCount, DateTimeOffset LastSeenAt);

/// <summary>The demand per skill, most asked-for first.</summary>
public sealed record ListSkillDemand : IQuery<IReadOnlyList<SkillDemandDto>>;

public sealed class ListSkillDemandHandler(ISkillDemandStore store) : IQueryHandler<ListSkillDemand, IReadOnlyList<SkillDemandDto>>
{
    public async ValueTask<IReadOnlyList<SkillDemandDto>> Handle(ListSkillDemand query, CancellationToken cancellationToken) =>
        [
            .. (await store.ListAsync(cancellationToken))
                .OrderByDescending(d => d.RequiredCount + d.NiceToHaveCount)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => new SkillDemandDto(d.Id, d.RequiredCount, d.NiceToHaveCount, d.LastSeenAt)),
        ];
}
