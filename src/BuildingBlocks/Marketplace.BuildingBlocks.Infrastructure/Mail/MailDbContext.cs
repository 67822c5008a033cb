using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

public static class MailStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}

/// <summary>
/// A message waiting to be sent, sent, or given up on. Written by the sending module's unit of work, in its transaction;
/// recipient and subject are plain (admins see them), the content is a Data Protection payload.
/// </summary>
public sealed class OutgoingMail
{
    public Guid Id { get; init; }
    public required string Module { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string ProtectedContent { get; init; }
    public string Status { get; set; } = MailStatus.Pending;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

/// <summary>The mail building block's own schema, "mail": one table that every module's unit of work writes to.</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public const string SchemaName = "mail";

    public DbSet<OutgoingMail> Messages => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable("messages");
            mail.HasKey(m => m.Id);
            mail.Property(m => m.Id).ValueGeneratedNever();
            mail.Property(m => m.Module).HasMaxLength(50);
            mail.Property(m => m.Recipient).HasMaxLength(320);
            mail.Property(m => m.Subject).HasMaxLength(300);
            mail.Property(m => m.Status).HasMaxLength(10);
            mail.Property(m => m.LastError).HasMaxLength(2000);
            // The sweep looks for what was never tried; admins for what gave up.
            mail.HasIndex(m => m.CreatedAt).HasFilter("status = 'pending' AND attempts = 0");
            mail.HasIndex(m => m.Status).HasFilter("status = 'failed'");
        });
    }

    /// <summary>The one way this context talks to PostgreSQL. No retrying strategy: a send is retried by its job, never by EF.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", SchemaName))
            .UseSnakeCaseNamingConvention();
}

/// <summary>For `dotnet ef migrations add`: builds the model without a host or a database.</summary>
public sealed class MailDbContextDesignTimeFactory : IDesignTimeDbContextFactory<MailDbContext>
{
    public MailDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MailDbContext>();
        MailDbContext.Configure(options, "Host=localhost");
        return new MailDbContext(options.Options);
    }
}
