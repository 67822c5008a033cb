using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Matching.Domain.Candidates;

public enum ContactRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A company asks a discoverable candidate of one of its postings to get in touch. Until the seeker accepts, the company knows
/// them only by pseudonym; once they answer, the answer stands (a declined candidate is not asked again for that posting).
/// </summary>
public sealed class ContactRequest : Entity<Guid>
{
    public const int MaxMessageLength = 1_000;

    private ContactRequest()
    {
    }

    public Guid PostingId { get; private set; }

    public Guid? CompanyId { get; private set; }

    public Guid ProfileId { get; private set; }

    /// <summary>The member who asked; null once their account is gone.</summary>
    public Guid? RequestedBy { get; private set; }

    /// <summary>The posting as the seeker is told of it, kept as it was when asked.</summary>
    public string PostingTitle { get; private set; } = "";

    public string Company { get; private set; } = "";

    public string? Message { get; private set; }

    public ContactRequestStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Concurrency token: two answers to one request cannot both win.</summary>
    public int Version { get; private set; }

    public static Result<ContactRequest> Send(Guid id, Guid postingId, Guid? companyId, Guid profileId, Guid requestedBy, string postingTitle, string company,
        string? message, DateTimeOffset now)
    {
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (text is { Length: > MaxMessageLength })
        {
            return Error.Validation("Message", $"A message has at most {MaxMessageLength:N0} characters.");
        }

        return new ContactRequest
        {
            Id = id,
            PostingId = postingId,
            CompanyId = companyId,
            ProfileId = profileId,
            RequestedBy = requestedBy,
            PostingTitle = postingTitle,
            Company = company,
            Message = text,
            Status = ContactRequestStatus.Pending,
            RequestedAt = now,
        };
    }

    public Result Accept(DateTimeOffset now) => Answer(ContactRequestStatus.Accepted, now);

    public Result Decline(DateTimeOffset now) => Answer(ContactRequestStatus.Declined, now);

    /// <summary>Whether the company may see who the seeker is.</summary>
    public bool RevealsSeeker => Status == ContactRequestStatus.Accepted;

    public void ForgetRequester() => RequestedBy = null;

    private Result Answer(ContactRequestStatus answer, DateTimeOffset now)
    {
        if (Status == answer)
        {
            return Result.Success();
        }

        if (Status != ContactRequestStatus.Pending)
        {
            return Error.Conflict("contact_request.answered", $"You already {Status.ToString().ToLowerInvariant()} this request.");
        }

        Status = answer;
        AnsweredAt = now;
        Version++;
        return Result.Success();
    }
}
