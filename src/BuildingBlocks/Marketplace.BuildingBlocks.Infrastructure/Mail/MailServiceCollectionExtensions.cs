using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Hosting;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Durable mail: the <see cref="IMailOutbox"/> handlers use, the mail schema, the sending jobs and the SMTP settings
    /// ("Email"); a local host without an SMTP server writes .eml files under the data folder.
    /// </summary>
    public static IHostApplicationBuilder AddDurableMail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(MailOutbox)))
        {
            return builder;
        }

        var environment = builder.Environment;
        var dataDirectory = HostFolders.DataDirectory(builder.Configuration, environment);
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .PostConfigure(o =>
            {
                if (HostFolders.IsLocal(environment) && string.IsNullOrWhiteSpace(o.Host) && string.IsNullOrWhiteSpace(o.PickupDirectory))
                {
                    o.PickupDirectory = Path.Combine(dataDirectory, "mail");
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        // The host (the identity module) keeps the key ring in the database, so every server can read what another stored.
        services.AddDataProtection();
        services.AddDbContext<MailDbContext>((sp, options) =>
            MailDbContext.Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.TryAddSingleton<MailContentProtector>();
        services.TryAddScoped<MailOutbox>();
        services.TryAddScoped<IMailOutbox>(sp => sp.GetRequiredService<MailOutbox>());
        services.TryAddSingleton<IUnsubscribeLinkTokens, UnsubscribeLinkTokens>();
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.TryAddScoped<IMailSendTrigger, HangfireMailSendTrigger>();
        services.TryAddScoped<MailDelivery>();
        return builder;
    }
}
