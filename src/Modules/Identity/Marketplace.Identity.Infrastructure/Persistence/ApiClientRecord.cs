namespace Marketplace.Identity.Infrastructure.Persistence;

/// <summary>Who owns an OpenIddict client application created in an employer's settings.</summary>
public sealed class ApiClientRecord
{
    public string ClientId { get; set; } = "";

    public Guid OwnerId { get; set; }

    public string DisplayName { get; set; } = "";

    public string[] Scopes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
