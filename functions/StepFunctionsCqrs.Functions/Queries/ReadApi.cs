using System.Globalization;
using StepFunctionsCqrs.Domain.Outcomes;
using StepFunctionsCqrs.Domain.Projections;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Commands;
using StepFunctionsCqrs.Functions.Http;
using StepFunctionsCqrs.Functions.Stores;

namespace StepFunctionsCqrs.Functions.Queries;

/// <summary>
/// The read API's routes, answered from the views only:
/// GET /hotels/{hotelId}/room-types/{roomTypeId}/availability?from=yyyy-MM-dd&amp;to=yyyy-MM-dd (nights in [from, to)),
/// GET /guests/{guestId}/bookings, GET /hotels/{hotelId}/arrivals?date=yyyy-MM-dd, GET /commands/{commandId}.
/// Availability and command status answer any authenticated caller; a guest's bookings answer only that guest or an
/// admin; arrivals, which list guests, answer only admins.
/// </summary>
public sealed class ReadApi(
    IAvailabilityView availability, IGuestBookingsView guestBookings, IArrivalsView arrivals, ICommandStatusView commandStatus, ApiCaller callers)
{
    /// <summary>Longest date range one availability query may span.</summary>
    public const int MaxRangeNights = 366;

    /// <summary>Answers one request.</summary>
    public async Task<HttpApiResponse> AnswerAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        var method = request.RequestContext?.Http?.Method ?? "GET";
        var segments = Segments(request);
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return Error(405, "MethodNotAllowed", $"The read API only answers GET, not {method}.", null);
        }

        var query = request.QueryStringParameters ?? new Dictionary<string, string>();
        var caller = callers.Of(request);
        return segments switch
        {
            _ when caller is null => Error(401, "NotAuthenticated", "The request names no authenticated caller; sign it (SigV4) or send a bearer token, as the API is configured.", null),
            ["hotels", var hotelId, "room-types", var roomTypeId, "availability"] => await AvailabilityAsync(hotelId, roomTypeId, query, cancellationToken).ConfigureAwait(false),
            ["guests", var guestId, "bookings"] when !caller.MaySpeakFor(guestId) => Error(403, "Forbidden",
                $"Caller {QuotedValue.Of(caller.UserId)} may read only their own bookings; reading guest {QuotedValue.Of(guestId)}'s needs the {Roles.Admin} role.", "guestId"),
            ["guests", var guestId, "bookings"] => await GuestBookingsAsync(guestId, cancellationToken).ConfigureAwait(false),
            ["hotels", _, "arrivals"] when !caller.IsAdmin => Error(403, "Forbidden",
                $"Arrivals list guests, so only the {Roles.Admin} role may read them; caller {QuotedValue.Of(caller.UserId)} lacks it.", null),
            ["hotels", var hotelId, "arrivals"] => await ArrivalsAsync(hotelId, query, cancellationToken).ConfigureAwait(false),
            ["commands", var commandId] => await CommandStatusAsync(commandId, cancellationToken).ConfigureAwait(false),
            _ => Error(404, "NoSuchRoute", $"No route for GET /{string.Join('/', segments)}.", null),
        };
    }

    private async Task<HttpApiResponse> AvailabilityAsync(string hotelId, string roomTypeId, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        if ((BadId(hotelId, "hotelId") ?? BadId(roomTypeId, "roomTypeId")) is { } badId)
        {
            return badId;
        }

        if (!TryDate(query, "from", out var from, out var badFrom))
        {
            return badFrom;
        }

        if (!TryDate(query, "to", out var to, out var badTo))
        {
            return badTo;
        }

        var nights = to.DayNumber - from.DayNumber;
        if (nights < 1)
        {
            return Error(400, ReasonCodes.InvalidValue, $"'to' ({to:yyyy-MM-dd}) must be after 'from' ({from:yyyy-MM-dd}); the range covers nights from 'from' up to, not including, 'to'.", "to");
        }

        if (nights > MaxRangeNights)
        {
            return Error(400, ReasonCodes.InvalidValue, $"The range from 'from' to 'to' spans {nights} nights; at most {MaxRangeNights} may be asked for at once.", "to");
        }

        var calendar = await availability.ReadAsync(hotelId, roomTypeId, from, to, cancellationToken).ConfigureAwait(false);
        return calendar is null
            ? Error(404, "NotFound", $"No room type '{roomTypeId}' is known at hotel '{hotelId}'.", null)
            : HttpApiResponse.Json(200, calendar);
    }

    private async Task<HttpApiResponse> GuestBookingsAsync(string guestId, CancellationToken cancellationToken)
    {
        if (BadId(guestId, "guestId") is { } badId)
        {
            return badId;
        }

        var rows = await guestBookings.ReadAsync(guestId, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0
            ? Error(404, "NotFound", $"Guest '{guestId}' has no bookings.", null)
            : HttpApiResponse.Json(200, new { guestId, bookings = rows.Select(r => new
            {
                r.BookingId, r.HotelId, r.RoomTypeId, r.CheckIn, r.CheckOut, r.Status, r.FromWaitlist, r.Version,
            }) });
    }

    private async Task<HttpApiResponse> ArrivalsAsync(string hotelId, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        if (BadId(hotelId, "hotelId") is { } badId)
        {
            return badId;
        }

        if (!TryDate(query, "date", out var date, out var badDate))
        {
            return badDate;
        }

        var rows = await arrivals.ReadAsync(hotelId, date, cancellationToken).ConfigureAwait(false);
        return HttpApiResponse.Json(200, new
        {
            hotelId,
            date,
            arrivals = rows.Where(r => r.Status == ArrivalStatus.Expected).Select(r => new { r.BookingId, r.GuestId, r.RoomTypeId, r.CheckOut }),
        });
    }

    private async Task<HttpApiResponse> CommandStatusAsync(string commandId, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCommandId(commandId))
        {
            return Error(400, ReasonCodes.InvalidValue, $"Command id '{commandId}' is malformed: it must be 1 to {Identifiers.MaxCommandIdLength} of {Identifiers.AllowedCharacters}.", "commandId");
        }

        var record = await commandStatus.ReadAsync(commandId, cancellationToken).ConfigureAwait(false);
        return record is null
            ? Error(404, "NotFound", $"No outcome is recorded for command '{commandId}' (yet).", null)
            : HttpApiResponse.Json(200, record with { Error = StatusError.Public(record.Error) });
    }

    private static HttpApiResponse? BadId(string value, string name) =>
        Identifiers.IsEntityId(value)
            ? null
            : Error(400, ReasonCodes.InvalidValue, $"Path parameter '{name}' is '{value}'; ids are 1 to {Identifiers.MaxIdLength} of {Identifiers.AllowedCharacters}.", name);

    private static bool TryDate(IReadOnlyDictionary<string, string> query, string name, out DateOnly date, out HttpApiResponse error)
    {
        error = null!;
        if (!query.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            date = default;
            error = Error(400, ReasonCodes.MissingField, $"Query parameter '{name}' is required, as a date in yyyy-MM-dd form.", name);
            return false;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = Error(400, ReasonCodes.InvalidDate, $"Query parameter '{name}' is '{text}', which is not a calendar date in yyyy-MM-dd form.", name);
            return false;
        }

        return true;
    }

    private static HttpApiResponse Error(int statusCode, string code, string message, string? field) =>
        HttpApiResponse.Json(statusCode, new Reason(code, message, field));

    // An HTTP API stage other than $default prefixes the raw path with the stage name.
    private static string[] Segments(HttpApiRequest request)
    {
        var path = request.RawPath ?? request.RequestContext?.Http?.Path ?? "/";
        var stage = request.RequestContext?.Stage;
        if (stage is { Length: > 0 } and not "$default" && path.StartsWith($"/{stage}/", StringComparison.Ordinal))
        {
            path = path[(stage.Length + 1)..];
        }

        return [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
    }
}
