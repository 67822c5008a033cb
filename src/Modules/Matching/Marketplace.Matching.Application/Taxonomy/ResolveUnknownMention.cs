using System.Text;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Skills.Taxonomy;
using Mediator;

namespace Marketplace.Matching.Application.Taxonomy;

/// <summary>
/// An admin settles a queued mention with one action: it becomes an alias of a skill (<paramref name="SkillId"/>), a new skill
/// of <paramref name="Category"/> named as written, or "not a skill". The change is validated and stored like any other.
/// </summary>
public sealed record ResolveUnknownMention(string Key, MentionAction Resolution, string? SkillId = null, string? Category = null) : ICommand<Result<long>>;

/// <summary>What an admin makes of a queued mention.</summary>
public enum MentionAction
{
    Alias,
    NewSkill,
    NotASkill,
}

public sealed class ResolveUnknownMentionValidator : AbstractValidator<ResolveUnknownMention>
{
    public ResolveUnknownMentionValidator()
    {
        RuleFor(c => c.Key).NotEmpty().MaximumLength(UnknownMention.MaxKeyLength);
        RuleFor(c => c.Resolution).IsInEnum();
        RuleFor(c => c.SkillId).NotEmpty().When(c => c.Resolution == MentionAction.Alias).WithMessage("Name the skill this mention is an alias of.");
        RuleFor(c => c.Category).Must(c => SkillCategories.Find(c) is not null).When(c => c.Resolution == MentionAction.NewSkill).WithMessage("Pick the new skill's category.");
    }
}

public sealed class ResolveUnknownMentionHandler(IUnknownMentions mentions, TaxonomyChanges changes, ISkillsFacade skills, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResolveUnknownMention, Result<long>>
{
    public async ValueTask<Result<long>> Handle(ResolveUnknownMention command, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Admin)) return Result<long>.Failure(Error.Forbidden("Only admins change the taxonomy."));
        if (await mentions.FindAsync(command.Key, cancellationToken) is not { } mention) return Result<long>.Failure(Error.NotFound("Mention", command.Key));
        if (mention.Resolution is not null) return Result<long>.Failure(Error.Conflict("mention.resolved", $"'{mention.Text}' was already settled ({mention.Resolution})."));

        string? skillId = null;
        TaxonomyChange change;
        switch (command.Resolution)
        {
            case MentionAction.Alias:
                // The admin may name the skill by its id or as people write it ("Kubernetes", "k8s").
                string named = command.SkillId!.Trim();
                var target = (skills.Current.Find(named.ToLowerInvariant()) ?? skills.Current.NormalizeOne(named))?.Id ?? named;
                skillId = target;
                change = new AddAlias(target, mention.Text);
                break;
            case MentionAction.NewSkill:
                skillId = IdFor(mention.Text);
                change = new AddSkill(new SkillDefinition { Id = skillId, Name = mention.Text, Category = command.Category! });
                break;
            default:
                change = new MarkNotASkill(mention.Text);
                break;
        }

        var stored = await changes.ApplyAsync(change, cancellationToken);
        if (stored.IsFailure)
        {
            // The page shows the conflict next to the field the admin filled in for this mention.
            var field = command.Resolution == MentionAction.Alias ? "SkillId" : "Key";
            return Result<long>.Failure([.. stored.Errors.Select(e => e.Kind == ErrorKind.Validation ? Error.Validation(field, e.Message) : e)]);
        }

        mention.Resolve(command.Resolution switch { MentionAction.Alias => MentionResolution.Alias, MentionAction.NewSkill => MentionResolution.NewSkill, _ => MentionResolution.NotASkill }, skillId, user.Email ?? "admin", clock.GetUtcNow());
        return stored;
    }

    // "Ruby on Rails 7" -> "ruby-on-rails-7": the id format of the data files.
    private static string IdFor(string text)
    {
        var id = new StringBuilder();
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '#') id.Append(c);
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        string result = id.ToString().Trim('-', '.');
        return result.Length == 0 ? "skill-" + Guid.NewGuid().ToString("N")[..8] : result[..Math.Min(result.Length, 60)];
    }
}

/// <summary>Another module (through the skills facade) reports mentions of one place that named no skill.</summary>
public sealed record RecordUnknownMentions(MentionSource Source, string PlaceId, IReadOnlyCollection<string> Mentions) : ICommand<Result<int>>;

public sealed class RecordUnknownMentionsValidator : AbstractValidator<RecordUnknownMentions>
{
    public RecordUnknownMentionsValidator()
    {
        RuleFor(c => c.PlaceId).NotEmpty().MaximumLength(MentionSighting.MaxSourceIdLength);
        RuleFor(c => c.Mentions).NotNull();
    }
}

public sealed class RecordUnknownMentionsHandler(UnknownMentionFilter filter, IUnknownMentions mentions, TimeProvider clock) : ICommandHandler<RecordUnknownMentions, Result<int>>
{
    public async ValueTask<Result<int>> Handle(RecordUnknownMentions command, CancellationToken cancellationToken)
    {
        var unknown = filter.Unknown(command.Mentions);
        if (unknown.Count > 0) await mentions.RecordAsync(command.Source, command.PlaceId, unknown, clock.GetUtcNow(), cancellationToken);
        return unknown.Count;
    }
}
