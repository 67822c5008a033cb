using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Companies;

public enum CompanyRole { Admin, Member }

/// <summary>A user of the company: admins invite others, every member works on the company's postings.</summary>
public sealed class CompanyMember
{
    public CompanyMember(Guid userId, CompanyRole role, DateTimeOffset joinedAt)
    {
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid UserId { get; private set; }
    public CompanyRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
}

/// <summary>An invitation to join a company, sent to an email address; only a hash of its single-use token is kept.</summary>
public sealed class CompanyInvitation
{
    private CompanyInvitation()
    {
    }

    public CompanyInvitation(Guid id, string email, string tokenHash, Guid? invitedBy, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        Email = email;
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public Guid? InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    public bool IsUsed => AcceptedAt is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    internal void Accept(Guid userId, DateTimeOffset now)
    {
        AcceptedBy = userId;
        AcceptedAt = now;
    }
}

/// <summary>A company: named by the employer who signed up for it, who becomes its first admin.</summary>
public sealed class Company : AggregateRoot<Guid>
{
    public const int MaxNameLength = 200;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>Each invitation sends a mail: a cap keeps a company account from being used to spam addresses.</summary>
    public const int MaxInvitationsPerDay = 20;

    private readonly List<CompanyMember> _members = [];
    private readonly List<CompanyInvitation> _invitations = [];

    private Company()
    {
    }

    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<CompanyMember> Members => _members;
    public IReadOnlyList<CompanyInvitation> Invitations => _invitations;

    public static Result<Company> Found(Guid id, string? name, Guid adminUserId, DateTimeOffset now)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            return Error.Validation("CompanyName", $"A company needs a name of 1 to {MaxNameLength} characters.");
        }

        var company = new Company { Id = id, Name = trimmed, CreatedAt = now };
        company._members.Add(new CompanyMember(adminUserId, CompanyRole.Admin, now));
        return company;
    }

    public CompanyMember? MemberOf(Guid? userId) => userId is null ? null : _members.FirstOrDefault(m => m.UserId == userId);

    /// <summary>An admin invites an email address; <paramref name="tokenHash"/> is the hash of the token mailed to it.</summary>
    public Result<CompanyInvitation> Invite(Guid inviterId, string email, string tokenHash, DateTimeOffset now)
    {
        if (MemberOf(inviterId)?.Role != CompanyRole.Admin)
        {
            return Error.Forbidden("Only the company's admins may invite people.");
        }

        if (_invitations.Count(i => i.CreatedAt > now - TimeSpan.FromDays(1)) >= MaxInvitationsPerDay)
        {
            return Error.Conflict("invitation.limit", $"A company may send at most {MaxInvitationsPerDay} invitations a day; try again tomorrow.");
        }

        var invitation = new CompanyInvitation(Guid.CreateVersion7(now), email, tokenHash, inviterId, now, now + InvitationLifetime);
        _invitations.Add(invitation);
        return invitation;
    }

    /// <summary>The invited user joins as a member; an invitation works once and only until it expires.</summary>
    public Result Accept(Guid invitationId, Guid userId, DateTimeOffset now)
    {
        var invitation = _invitations.FirstOrDefault(i => i.Id == invitationId);
        if (invitation is null)
        {
            return Error.NotFound("invitation", invitationId);
        }

        if (invitation.IsUsed)
        {
            return Error.Conflict("invitation.used", "This invitation has already been used.");
        }

        if (invitation.IsExpired(now))
        {
            return Error.Conflict("invitation.expired", "This invitation has expired; ask the company's admin for a new one.");
        }

        invitation.Accept(userId, now);
        if (MemberOf(userId) is null)
        {
            _members.Add(new CompanyMember(userId, CompanyRole.Member, now));
        }

        return Result.Success();
    }

    /// <summary>A deleted user leaves the company.</summary>
    public void Forget(Guid userId) => _members.RemoveAll(m => m.UserId == userId);
}
