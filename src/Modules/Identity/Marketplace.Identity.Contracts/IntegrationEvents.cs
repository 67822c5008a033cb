using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Identity.Contracts;

/// <summary>
/// An employer confirmed their email. The Jobs module owns companies: it creates the company they named
/// (<see cref="CompanyName"/>) with them as its admin, or, when they signed up through an invitation
/// (<see cref="InvitationId"/>), adds them to the inviting company as a member.
/// </summary>
[IntegrationEvent("identity.employer-registered")]
public sealed record EmployerRegistered(Guid EventId, DateTimeOffset OccurredAt, Guid UserId, string Email, string? CompanyName, Guid? InvitationId = null)
    : IIntegrationEvent;

/// <summary>
/// An account was deleted. Every module erases or anonymizes what it holds about this user; the identity module has
/// already removed the account, its sessions, API clients and tokens.
/// </summary>
[IntegrationEvent("identity.user-deleted")]
public sealed record UserDeleted(Guid EventId, DateTimeOffset OccurredAt, Guid UserId) : IIntegrationEvent;
