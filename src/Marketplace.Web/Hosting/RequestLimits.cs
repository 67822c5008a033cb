using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Hosting;

/// <summary>How large a request body may be, per endpoint, unless the endpoint declares its own limit.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Endpoints that read a JSON body (the API): a posting with every field at its longest is about 20 KB.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long JsonBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Everything else: pages' forms, OAuth requests, and requests that match no endpoint.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long OtherBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Kestrel's default allows 30 MB on every request. Here each endpoint gets a limit fit for what it reads; one that needs
/// more (an upload) declares it with <c>[RequestSizeLimit(n)]</c> on its page model or
/// <c>.WithMetadata(new RequestSizeLimitAttribute(n))</c> on its endpoint, which routing applies instead. A body over
/// the limit is refused with 413 ProblemDetails when it is read.
/// </summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(RequestLimitsOptions.Section).Get<RequestLimitsOptions>()?.OtherBodyBytes
                ?? new RequestLimitsOptions().OtherBodyBytes);
        return builder;
    }

    /// <summary>
    /// After UseRouting (which knows the endpoint) and before anything reads the body. Also refuses, with 400 naming the
    /// field, a query or form value that PostgreSQL could not store (a NUL character); JSON bodies have
    /// <see cref="JsonInput"/>.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var readsJson = endpoint is not null && ReadsJson(endpoint);
            var body = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (body is { IsReadOnly: false } && endpoint is not null && endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null)
            {
                body.MaxRequestBodySize = readsJson ? options.JsonBodyBytes : options.OtherBodyBytes;
            }

            var values = context.Request.Query.AsEnumerable();
            if (context.Request.HasFormContentType && endpoint is not null && ReadsForm(endpoint))
            {
                try
                {
                    values = values.Concat(await context.Request.ReadFormAsync(context.RequestAborted));
                }
                catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
                {
                    await RefuseAsync(context, null, "The form could not be read.");
                    return;
                }
            }

            if (values.FirstOrDefault(v => !JsonInput.IsStorable(v.Key) || v.Value.Any(text => text is not null && !JsonInput.IsStorable(text))) is { Key: { } field })
            {
                await RefuseAsync(context, JsonInput.IsStorable(field) ? field : "(name)", "Text must not contain NUL characters or unpaired surrogates.");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static Task RefuseAsync(HttpContext context, string? field, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        ProblemDetails problem = field is null
            ? new ProblemDetails { Title = "The request could not be read.", Detail = message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Title = "The request has invalid fields." };
        problem.Status = StatusCodes.Status400BadRequest;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    /// <summary>A page, or an endpoint that declares it accepts a form (OAuth's endpoints read theirs through OpenIddict).</summary>
    private static bool ReadsForm(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
        || endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("form", StringComparison.OrdinalIgnoreCase)) == true;

    private static bool ReadsJson(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)) == true;
}
