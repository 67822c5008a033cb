using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Contracts;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Application.Skills;
using Mediator;

namespace Marketplace.Jobs.Application.FrontPage;

/// <summary>A skill and how many postings asked for it in the period.</summary>
public sealed record SkillDemandDto(string SkillId, string Name, int Postings, int Required);

public sealed record FrontPageDto(IReadOnlyList<SearchHitDto> Newest, int OpenPostings, IReadOnlyList<SkillDemandDto> MostAskedFor, int DemandDays)
{
    /// <summary>True when there are more open postings than <see cref="OpenPostings"/>, the cap a search counts up to.</summary>
    public bool OpenPostingsCapped { get; init; }
}

/// <summary>
/// What the home page shows: the newest postings, how many are open, and the skills most postings asked for in the last
/// 30 days, as the Courses module counts them (through its facade: never its tables).
/// </summary>
public sealed record GetFrontPage(int Newest = 6, int Skills = 8) : IQuery<Result<FrontPageDto>>;

public sealed class GetFrontPageHandler(ISender sender, ISkillDemandReport demand, SkillCatalog skills) : IQueryHandler<GetFrontPage, Result<FrontPageDto>>
{
    public const int DemandDays = 30;

    public async ValueTask<Result<FrontPageDto>> Handle(GetFrontPage query, CancellationToken cancellationToken)
    {
        var newest = await sender.Send(new SearchPostings(Sort: nameof(SearchSort.Newest), PageSize: Math.Clamp(query.Newest, 1, 20)), cancellationToken);
        if (newest.IsFailure)
        {
            return Result<FrontPageDto>.Failure(newest.Errors);
        }

        var top = await demand.MostAskedForAsync(DemandDays, Math.Clamp(query.Skills, 1, 20), cancellationToken);
        return new FrontPageDto(
            newest.Value.Results,
            newest.Value.Total ?? newest.Value.Results.Count,
            [.. top.Select(d => new SkillDemandDto(d.SkillId, skills.NameOf(d.SkillId), d.Postings, d.Required))],
            DemandDays)
        {
            OpenPostingsCapped = newest.Value.TotalCapped,
        };
    }
}
