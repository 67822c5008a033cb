using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Domain.Digests;
using Mediator;

namespace Marketplace.Matching.Application.Digests;

/// <summary>The seeker's digest as their settings page shows it.</summary>
public sealed record DigestChoiceDto(bool Enabled, int MinimumScore, DateTimeOffset? LastSweptAt);

/// <summary>The signed-in seeker's digest choice (the defaults when they never chose).</summary>
public sealed record GetMyDigest : IQuery<Result<DigestChoiceDto>>;

public sealed class GetMyDigestHandler(IMatchDigests digests, ICurrentUser user) : IQueryHandler<GetMyDigest, Result<DigestChoiceDto>>
{
    public async ValueTask<Result<DigestChoiceDto>> Handle(GetMyDigest query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker)) return Error.Forbidden("The match digest is for job seekers.");
        var digest = await digests.FindAsync(me, cancellationToken) ?? MatchDigest.Defaults(me);
        return new DigestChoiceDto(digest.Enabled, digest.MinimumScore, digest.LastSweptAt);
    }
}

/// <summary>The seeker turns the weekly digest on or off and sets the score a match must reach to be in it.</summary>
public sealed record ChooseDigest(bool Enabled, int MinimumScore) : ICommand<Result>;

public sealed class ChooseDigestValidator : AbstractValidator<ChooseDigest>
{
    public ChooseDigestValidator() =>
        RuleFor(c => c.MinimumScore).InclusiveBetween(MatchDigest.LowestMinimumScore, MatchDigest.HighestMinimumScore).OverridePropertyName("minimumScore")
            .WithMessage($"The score is between {MatchDigest.LowestMinimumScore} and {MatchDigest.HighestMinimumScore}.");
}

public sealed class ChooseDigestHandler(IMatchDigests digests, ICurrentUser user) : ICommandHandler<ChooseDigest, Result>
{
    public async ValueTask<Result> Handle(ChooseDigest command, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me || !user.IsInRole(Roles.JobSeeker)) return Error.Forbidden("The match digest is for job seekers.");
        if (await digests.FindAsync(me, cancellationToken) is { } digest) return digest.Change(command.Enabled, command.MinimumScore);
        var chosen = MatchDigest.Choose(me, command.Enabled, command.MinimumScore);
        if (chosen.IsFailure) return Result.Failure(chosen.Errors);
        digests.Add(chosen.Value);
        return Result.Success();
    }
}

/// <summary>What a digest's unsubscribe link would stop, for the page that asks to confirm (a GET never unsubscribes).</summary>
public sealed record CheckDigestUnsubscribeLink(string? Token) : IQuery<Result>;

public sealed class CheckDigestUnsubscribeLinkHandler(IDigestUnsubscribeTokens tokens) : IQueryHandler<CheckDigestUnsubscribeLink, Result>
{
    public ValueTask<Result> Handle(CheckDigestUnsubscribeLink query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(tokens.Read(query.Token) is null ? Result.Failure(UnsubscribeFromDigestHandler.NotValid) : Result.Success());
}

/// <summary>Someone follows (or their mail client one-click POSTs, RFC 8058) a digest's unsubscribe link: the digest stops,
/// without signing in. The token is the proof; doing it twice is the same as once.</summary>
public sealed record UnsubscribeFromDigest(string? Token) : ICommand<Result>;

public sealed class UnsubscribeFromDigestHandler(IMatchDigests digests, IDigestUnsubscribeTokens tokens) : ICommandHandler<UnsubscribeFromDigest, Result>
{
    public static readonly Error NotValid = Error.Validation("token", "This unsubscribe link is not valid; copy the whole link from the mail, or sign in and change your digest under Matches.");

    public async ValueTask<Result> Handle(UnsubscribeFromDigest command, CancellationToken cancellationToken)
    {
        if (tokens.Read(command.Token) is not { } profileId) return NotValid;
        if (await digests.FindAsync(profileId, cancellationToken) is { } digest)
        {
            digest.TurnOff();
        }
        else
        {
            var off = MatchDigest.Defaults(profileId);
            off.TurnOff();
            digests.Add(off);
        }

        return Result.Success();
    }
}
