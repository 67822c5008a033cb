namespace Marketplace.Identity.Tests.Fixtures;

/// <summary>
/// One plain host for the test classes that need nothing special of it, so the suite starts (and migrates) fewer hosts.
/// Its classes run one after another and keep to addresses of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedIdentityApp : ICollectionFixture<IdentityAppFactory>
{
    public const string Name = "shared identity host";
}
