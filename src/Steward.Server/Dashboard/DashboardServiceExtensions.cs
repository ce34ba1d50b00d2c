using Microsoft.AspNetCore.Authentication.Cookies;
using Steward.Server.Dashboard.Audit;
using Steward.Server.Dashboard.Login;

namespace Steward.Server.Dashboard;

/// <summary>Services of the dashboard: anti-forgery for its forms, session checks, ledger proof checks.</summary>
internal static class DashboardServiceExtensions
{
    public static void AddStewardDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "steward.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__steward_csrf";
        });
        builder.Services.AddSingleton<DashboardSessionEvents>();
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.EventsType = typeof(DashboardSessionEvents));
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddSingleton<Reports.EvidenceCollector>();
        builder.Services.AddSingleton<Reports.ReportService>();
    }
}
