namespace Marketplace.Testing;

/// <summary>A test database and SMTP server; each test starts the hosts it needs (mail is sent by Hangfire jobs; none runs between tests).</summary>
public sealed class MailFixture : MarketplaceFixture
{
    public TestSmtpServer Smtp { get; } = new();

    public override AppOptions AppOptions => Options(new AppOptions { BackgroundServer = false, RelayAfterCommit = false, SendMailAfterCommit = false });

    public AppOptions Options(AppOptions options) => options with
    {
        Settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
        },
    };
}
