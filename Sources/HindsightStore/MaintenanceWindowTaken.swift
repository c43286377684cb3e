import HindsightCore

/// A maintenance window was to be moved to the start and end of another window of its service,
/// which would have replaced that window: a window is known by its service, start and end, so
/// two cannot share them. Nothing was written.
public struct MaintenanceWindowTaken: Error, Equatable {
    /// The window as it was, before the move.
    public let moved: MaintenanceWindow
    /// The other window, already recorded with the start and end the move asked for.
    public let occupant: MaintenanceWindow

    /// Creates the error for moving `moved` onto `occupant`.
    public init(moved: MaintenanceWindow, occupant: MaintenanceWindow) {
        self.moved = moved
        self.occupant = occupant
    }
}
