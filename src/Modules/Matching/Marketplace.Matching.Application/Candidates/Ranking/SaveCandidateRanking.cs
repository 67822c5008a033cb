using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Domain.Candidates;
using Mediator;

namespace Marketplace.Matching.Application.Candidates.Ranking;

/// <summary>
/// The company keeps its weights and dealbreakers for a posting's candidates, so the list opens ranked by them for every member;
/// without weights, it goes back to the posting's own.
/// </summary>
public sealed record SaveCandidateRanking(Guid PostingId, IReadOnlyDictionary<string, int>? Weights, IReadOnlyList<string>? Dealbreakers) : ICommand<Result>;

public sealed class SaveCandidateRankingValidator : AbstractValidator<SaveCandidateRanking>
{
    public SaveCandidateRankingValidator()
    {
        RuleFor(c => c.Weights).Must(w => w is null || w.Values.All(v => v is >= SavedRanking.MinWeight and <= SavedRanking.MaxWeight)).WithMessage($"Weights are {SavedRanking.MinWeight} to {SavedRanking.MaxWeight}.");
        RuleFor(c => c.Weights).Must(w => w is null || w.Count > 0).WithMessage("Choose the weights to save.");
        RuleFor(c => c.Weights!.Count).LessThanOrEqualTo(100).When(c => c.Weights is not null).OverridePropertyName("Weights");
    }
}

public sealed class SaveCandidateRankingHandler(CandidateAccess access, ICandidateEngine engine, ICandidateStore store, TimeProvider clock)
    : ICommandHandler<SaveCandidateRanking, Result>
{
    public async ValueTask<Result> Handle(SaveCandidateRanking command, CancellationToken cancellationToken)
    {
        var allowed = await access.PostingAsync(command.PostingId, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result.Failure(allowed.Errors);
        }

        var saved = await store.FindRankingAsync(command.PostingId, forUpdate: true, cancellationToken);
        if (command.Weights is null)
        {
            if (saved is not null)
            {
                store.Remove(saved);
            }

            return Result.Success();
        }

        if (await engine.RequirementsAsync(command.PostingId, cancellationToken) is not { } requirements)
        {
            return Error.Conflict("ranking.unknown_posting", "Publish the posting first: its candidates are ranked once it is open.");
        }

        var problems = RankingChoice.Check(requirements, command.Weights, command.Dealbreakers);
        if (problems.Count > 0)
        {
            return Result.Failure(problems);
        }

        var dealbreakers = command.Dealbreakers ?? [.. requirements.Skills.Where(s => s.Dealbreaker).Select(s => s.SkillId)];
        if (saved is null)
        {
            store.Add(new SavedRanking(command.PostingId, command.Weights, dealbreakers, allowed.Value.MemberId, clock.GetUtcNow()));
        }
        else
        {
            saved.Change(command.Weights, dealbreakers, allowed.Value.MemberId, clock.GetUtcNow());
        }

        return Result.Success();
    }
}
