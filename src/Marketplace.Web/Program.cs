using Marketplace.Identity.Infrastructure;
using Marketplace.Identity.Web;

var builder = WebApplication.CreateBuilder(args);

// Identity module (issue 4)
builder.AddIdentityModule();

var app = builder.Build();

// Identity module (issue 4): security headers, rate limits, authentication, authorization; then its endpoints.
app.UseIdentityModule();
app.MapIdentityModule();

app.Run();

public partial class Program;
