using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Paging;
using Steward.Governance.Tickets;
using Steward.Server.Auth;
using Steward.Server.Problems;

namespace Steward.Server.Apis;

/// <summary>The built-in tracker: tickets, their status changes and the delivery backlog of their mirrors.</summary>
internal static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets");
        group.MapGet("", List).RequireAuthorization(AuthExtensions.Read)
            .WithName("ListTickets").WithSummary("List tickets (filter by system_id and status)").ProducesValidationProblem();
        group.MapGet("/outbox", Backlog).RequireAuthorization(AuthExtensions.Read)
            .WithName("TicketOutbox").WithSummary("The delivery backlog: pending calls to Jira and ServiceNow with attempts and last error");
        group.MapGet("/{id}", Get).RequireAuthorization(AuthExtensions.Read)
            .WithName("GetTicket").WithSummary("Get a ticket (by id or key) with its history and deliveries").ProducesProblem(404);
        group.MapPost("", Open).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("OpenTicket").WithSummary("Open a ticket by hand").Accepts<TicketRequest>("application/json")
            .Produces<Ticket>(201).ProducesValidationProblem();
        group.MapPost("/{id}/status", ChangeStatus).RequireAuthorization(AuthExtensions.InventoryWrite)
            .WithName("ChangeTicketStatus").WithSummary("Change a ticket's status (closing a blocking intake ticket by hand: admin only, with a reason)")
            .Accepts<TicketStatusChange>("application/json").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        app.MapJiraWebhookApi();
    }

    private static async Task<Ok<Page<Ticket>>> List(TicketStore tickets, string? system_id, string? status, string? cursor, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await tickets.ListAsync(system_id, status, cursor, limit, ct));

    private static async Task<Ok<OutboxBacklog>> Backlog(TicketOutboxStore outbox, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await outbox.BacklogAsync(Cursor.Limit(limit), ct));

    private static async Task<Ok<JsonObject>> Get(TicketStore tickets, TicketOutboxStore outbox, string id, CancellationToken ct)
    {
        var ticket = await tickets.GetAsync(id, ct);
        var body = GovernanceJson.ToObject(ticket);
        body["history"] = System.Text.Json.JsonSerializer.SerializeToNode(await tickets.HistoryAsync(ticket.Id, ct), GovernanceJson.Options);
        body["deliveries"] = System.Text.Json.JsonSerializer.SerializeToNode(await outbox.OfTicketAsync(ticket.Id, ct), GovernanceJson.Options);
        return TypedResults.Ok(body);
    }

    private static async Task<Created<Ticket>> Open(HttpContext context, TicketStore tickets)
    {
        var request = await JsonBody.ReadAsync<TicketRequest>(context.Request);
        var ticket = await tickets.OpenAsync(context.User.Actor(), request, context.RequestAborted);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ticket);
    }

    private static async Task<Ok<Ticket>> ChangeStatus(HttpContext context, TicketStore tickets, string id)
    {
        var request = await JsonBody.ReadAsync<TicketStatusChange>(context.Request);
        var isAdmin = context.User.IsInRole(Roles.Admin);
        return TypedResults.Ok(await tickets.ChangeStatusAsync(context.User.Actor(), isAdmin, id, request, context.RequestAborted));
    }
}
