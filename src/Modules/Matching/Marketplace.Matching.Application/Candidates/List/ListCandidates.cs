using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Candidates;
using Marketplace.Profiles.Contracts;
using Mediator;

namespace Marketplace.Matching.Application.Candidates.List;

/// <summary>
/// A posting's best discoverable candidates for its company, ranked by the engine under the chosen ranking (see
/// <see cref="RankingChoice"/>), each explained skill by skill. Candidates are pseudonymous unless they applied to the posting or
/// accepted the company's contact request: only then are their name and contact read from their profile and account.
/// </summary>
public sealed record ListCandidates(
    Guid PostingId,
    IReadOnlyDictionary<string, int>? Weights = null,
    IReadOnlyList<string>? Dealbreakers = null,
    int Page = 1,
    int PageSize = 10) : IQuery<Result<CandidatesDto>>;

public sealed class ListCandidatesValidator : AbstractValidator<ListCandidates>
{
    public const int MaxPageSize = 50;

    public ListCandidatesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize(MaxPageSize);
        RuleFor(q => q.Weights).Must(w => w is null || w.Values.All(v => v is >= SavedRanking.MinWeight and <= SavedRanking.MaxWeight)).WithMessage($"Weights are {SavedRanking.MinWeight} to {SavedRanking.MaxWeight}.");
        RuleFor(q => q.Weights!.Count).LessThanOrEqualTo(100).When(q => q.Weights is not null).OverridePropertyName("Weights");
        RuleFor(q => q.Dealbreakers!.Count).LessThanOrEqualTo(100).When(q => q.Dealbreakers is not null).OverridePropertyName("Dealbreakers");
    }
}

public sealed class ListCandidatesHandler(
    CandidateAccess access,
    ICandidateEngine engine,
    IMatchingFacade matching,
    ICandidateStore store,
    ICandidatePseudonymSource pseudonyms,
    ICompanyPostings companyPostings,
    IApplicantProfiles profiles,
    IUserDirectory users) : IQueryHandler<ListCandidates, Result<CandidatesDto>>
{
    public async ValueTask<Result<CandidatesDto>> Handle(ListCandidates query, CancellationToken cancellationToken)
    {
        var allowed = await access.PostingAsync(query.PostingId, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result<CandidatesDto>.Failure(allowed.Errors);
        }

        var posting = allowed.Value.Posting;
        var requirements = await engine.RequirementsAsync(posting.PostingId, cancellationToken);
        if (requirements is null)
        {
            return new CandidatesDto(posting.PostingId, posting.Title, posting.Company, posting.Status, false, RankingChoice.Posting, null, [], [], query.Page, query.PageSize, 0);
        }

        var saved = await store.FindRankingAsync(posting.PostingId, forUpdate: false, cancellationToken);
        var chosen = RankingChoice.Resolve(requirements, query.Weights, query.Dealbreakers, saved);
        if (chosen.IsFailure)
        {
            return Result<CandidatesDto>.Failure(chosen.Errors);
        }

        var ranked = await matching.CandidatesOfPostingAsync(posting.PostingId, chosen.Value.Ranking, query.Page, query.PageSize, cancellationToken);
        if (ranked.Page is not { } page)
        {
            return ranked.Problem == MatchingProblem.InvalidRanking
                ? Error.Validation("Weights", ranked.Message ?? "The ranking does not fit this posting.")
                : Error.NotFound("posting", posting.PostingId);
        }

        var ids = page.Items.Select(c => c.ProfileId).ToList();
        var explained = await engine.ExplainAsync(posting.PostingId, ids, chosen.Value.Ranking, cancellationToken);
        var requests = (await store.RequestsOfPostingAsync(posting.PostingId, cancellationToken)).ToDictionary(r => r.ProfileId);
        var applied = await companyPostings.ApplicantsAmongAsync(posting.PostingId, ids, cancellationToken);
        var identities = await IdentitiesAsync([.. ids.Where(id => applied.Contains(id) || (requests.TryGetValue(id, out var r) && r.RevealsSeeker))], applied, cancellationToken);
        var names = await pseudonyms.GetAsync(cancellationToken);

        var items = page.Items.Select(c =>
        {
            var key = names.KeyOf(posting.PostingId, c.ProfileId);
            var contact = applied.Contains(c.ProfileId) ? "Applied" : requests.TryGetValue(c.ProfileId, out var request) ? request.Status.ToString() : "None";
            var match = explained.GetValueOrDefault(c.ProfileId);
            return new CandidateDto(c.Rank, key, CandidatePseudonyms.LabelOf(key), c.Score, c.Parts,
                match is null ? [] : [.. match.Skills.Select(s => new CandidateSkillDto(s.SkillName, s.Kind, s.ViaSkillName, s.Required, s.Dealbreaker))],
                match?.HardMismatches ?? c.Summary.HardMismatches, contact, identities.GetValueOrDefault(c.ProfileId));
        }).ToList();
        return new CandidatesDto(posting.PostingId, posting.Title, posting.Company, posting.Status, true, chosen.Value.RankedBy,
            chosen.Value.RankedBy == RankingChoice.Saved ? saved?.SavedAt : null, chosen.Value.Skills, items, page.Page, page.PageSize, page.Total);
    }

    private async Task<Dictionary<Guid, CandidateIdentityDto>> IdentitiesAsync(IReadOnlyList<Guid> revealed, IReadOnlySet<Guid> applied, CancellationToken cancellationToken)
    {
        var identities = new Dictionary<Guid, CandidateIdentityDto>();
        if (revealed.Count == 0)
        {
            return identities;
        }

        var emails = await users.FindEmailsAsync(revealed, cancellationToken);
        foreach (var id in revealed)
        {
            var profile = await profiles.FindAsync(id, cancellationToken);
            var email = emails.GetValueOrDefault(id);
            identities[id] = new CandidateIdentityDto(profile?.DisplayName ?? email ?? "Name not given", email, profile?.Headline,
                applied.Contains(id) ? "Applied to this posting" : "Accepted your contact request");
        }

        return identities;
    }
}
