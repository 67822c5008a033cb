using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Identity.Contracts;

/// <summary>
/// Someone signed up as an employer and named a new company. The Jobs module owns companies: it creates the company
/// and makes this user its first member.
/// </summary>
public sealed record EmployerRegistered(Guid EventId, DateTimeOffset OccurredAt, Guid UserId, string Email, string CompanyName)
    : IIntegrationEvent;

/// <summary>
/// An account was deleted. Every module erases or anonymizes what it holds about this user; the identity module has
/// already removed the account, its sessions, API clients and tokens.
/// </summary>
public sealed record UserDeleted(Guid EventId, DateTimeOffset OccurredAt, Guid UserId) : IIntegrationEvent;
