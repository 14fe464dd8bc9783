using System.Text.Json.Serialization;
using StepFunctionsCqrs.Domain.Hotels;
using StepFunctionsCqrs.Domain.Inventory;

namespace StepFunctionsCqrs.Domain.Events;

/// <summary>A fact that happened; serialized with a stable, versioned type name so stored events survive renames.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HotelRegistered), "V1.HotelRegistered")]
[JsonDerivedType(typeof(InventoryOpened), "V1.InventoryOpened")]
[JsonDerivedType(typeof(RoomBooked), "V1.RoomBooked")]
[JsonDerivedType(typeof(GuestWaitlisted), "V1.GuestWaitlisted")]
[JsonDerivedType(typeof(BookingCancelled), "V1.BookingCancelled")]
public interface IDomainEvent;
