using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Catalog;

/// <summary>The one list of functions: CDK deploys it, the local host registers it, the ASL substitutions come from it.</summary>
public static class FunctionCatalog
{
    /// <summary>SQS batch → one execution per command, named by its command id.</summary>
    public static readonly FunctionDefinition Dispatch = new(
        "Dispatch", typeof(DispatchHandler), 256, 60, [], [], null);

    /// <summary>Envelope schema and sender authorization.</summary>
    public static readonly FunctionDefinition Validate = new(
        "Validate", typeof(ValidateHandler), 256, 10, [], [], "ValidateFunctionArn");

    /// <summary>Decides against the aggregate and appends one conditional commit.</summary>
    public static readonly FunctionDefinition Persist = new(
        "Persist", typeof(PersistHandler), 512, 20, [Tables.CommitLog], [Tables.CommitLog], "PersistFunctionArn");

    /// <summary>Commit → rooms left per hotel, room type and night.</summary>
    public static readonly FunctionDefinition ProjectAvailability = new(
        "ProjectAvailability", typeof(ProjectAvailabilityHandler), 256, 20, [Tables.Availability], [Tables.Availability], "ProjectAvailabilityFunctionArn");

    /// <summary>Commit → each guest's bookings.</summary>
    public static readonly FunctionDefinition ProjectGuestBookings = new(
        "ProjectGuestBookings", typeof(ProjectGuestBookingsHandler), 256, 20, [Tables.GuestBookings], [Tables.GuestBookings], "ProjectGuestBookingsFunctionArn");

    /// <summary>Commit → arrivals per hotel and date.</summary>
    public static readonly FunctionDefinition ProjectArrivals = new(
        "ProjectArrivals", typeof(ProjectArrivalsHandler), 256, 20, [Tables.Arrivals], [Tables.Arrivals], "ProjectArrivalsFunctionArn");

    /// <summary>The command's outcome → command status view.</summary>
    public static readonly FunctionDefinition RecordStatus = new(
        "RecordStatus", typeof(RecordStatusHandler), 256, 10, [Tables.CommandStatus], [Tables.CommandStatus], "RecordStatusFunctionArn");

    /// <summary>The read API behind API Gateway; reads views, never writes.</summary>
    public static readonly FunctionDefinition Query = new(
        "Query", typeof(QueryHandler), 512, 10,
        [Tables.Availability, Tables.GuestBookings, Tables.Arrivals, Tables.CommandStatus], [], null);

    /// <summary>Every function, in pipeline order.</summary>
    public static IReadOnlyList<FunctionDefinition> All { get; } =
        [Dispatch, Validate, Persist, ProjectAvailability, ProjectGuestBookings, ProjectArrivals, RecordStatus, Query];
}
