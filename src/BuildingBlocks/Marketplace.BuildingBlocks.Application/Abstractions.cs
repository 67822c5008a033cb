namespace Marketplace.BuildingBlocks.Application;

/// <summary>An event that crosses module boundaries; published through the sending module's outbox.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>Who is making the current request, as far as any module needs to know.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? Email { get; }
    bool IsInRole(string role);
}

/// <summary>The role names every module may check.</summary>
public static class Roles
{
    public const string JobSeeker = "JobSeeker";
    public const string Employer = "Employer";
    public const string Admin = "Admin";
}
