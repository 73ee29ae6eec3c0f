/**
 * A hand-made static GTFS small enough to know every answer by reading it:
 * two stations with N/S platforms, routes 1 and A, five trips (T5 has stop
 * times but no trips.txt row), stop_times out of order, a time past 24:00,
 * a non-timepoint without times, one bad row, and a calendar with exceptions.
 * Stations.csv uses the 2024 header; OLD_STATIONS_CSV the pre-2024 one.
 */
export const TINY_GTFS: Record<string, string> = {
  "agency.txt":
    "agency_id,agency_name,agency_url,agency_timezone\nMTA NYCT,MTA New York City Transit,http://www.mta.info,America/New_York\n",
  "stops.txt": [
    "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station",
    "101,Van Cortlandt Park-242 St,40.889248,-73.898583,1,",
    "101N,Van Cortlandt Park-242 St,40.889248,-73.898583,,101",
    "101S,Van Cortlandt Park-242 St,40.889248,-73.898583,0,101",
    'A02,"Inwood-207 St, Manhattan",40.868072,-73.919899,1,',
    "A02N,Inwood-207 St,40.868072,-73.919899,,A02",
    "A02S,Inwood-207 St,40.868072,-73.919899,,A02",
  ].join("\r\n"),
  // Columns reordered on purpose; route 1 has no text color; a quoted description with "" and a comma.
  "routes.txt": [
    "route_id,agency_id,route_color,route_short_name,route_long_name,route_type,route_desc,route_text_color",
    '1,MTA NYCT,EE352E,1,Broadway - 7 Avenue Local,1,"Trains operate ""local"", at all times",',
    "A,MTA NYCT,0039a6,A,8 Avenue Express,1,,FFFFFF",
  ].join("\n"),
  "trips.txt": [
    "route_id,trip_id,service_id,trip_headsign,direction_id,shape_id",
    "1,T1,Weekday,South Ferry,1,1..S03R",
    "1,T2,Saturday,Van Cortlandt Park,0,",
    "A,T3,Weekday,Far Rockaway,1,",
    "A,T4,Sunday,Inwood,0,",
  ].join("\n"),
  "stop_times.txt": [
    "trip_id,arrival_time,departure_time,stop_id,stop_sequence",
    "T1,00:10:00,00:10:30,101S,2",
    "T2,25:10:00,25:10:00,101N,1",
    "T1,00:06:00,00:06:00,A02S,1",
    "T1,,,101S,3",
    "T1,00:20:00,00:20:00,A02N,4",
    "T2,25:20:00,25:21:00,A02N,2",
    "T5,12:00:00,12:00:00,A02S,1",
    "T3,xx:00:00,08:00:00,A02S,1",
    "T3,08:00:00,08:00:00,A02S,1",
    "T3,08:09:00,08:09:00,A02N,2",
  ].join("\n"),
  "shapes.txt": [
    "shape_id,shape_pt_sequence,shape_pt_lat,shape_pt_lon",
    "1..S03R,2,40.87,-73.91",
    "1..S03R,1,40.889248,-73.898583",
    "1..S03R,3,40.86,-73.92",
  ].join("\n"),
  "transfers.txt": "from_stop_id,to_stop_id,transfer_type,min_transfer_time\n101,101,2,180\nA02,101,2,300\n",
  "calendar.txt": [
    "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
    "Weekday,1,1,1,1,1,0,0,20240101,20241231",
    "Saturday,0,0,0,0,0,1,0,20240101,20241231",
    "Sunday,0,0,0,0,0,0,1,20240101,20241231",
  ].join("\n"),
  "calendar_dates.txt": [
    "service_id,date,exception_type",
    "Weekday,20240704,2",
    "Sunday,20240704,1",
    "Saturday,20241130,2",
  ].join("\n"),
  "Stations.csv": [
    "GTFS Stop ID,Station ID,Complex ID,Division,Line,Stop Name,Borough,CBD,Daytime Routes,Structure,GTFS Latitude,GTFS Longitude,North Direction Label,South Direction Label,ADA,ADA Northbound,ADA Southbound,ADA Notes,Georeference",
    "101,293,293,IRT,Broadway - 7Av,Van Cortlandt Park-242 St,Bx,FALSE,1,Elevated,40.889248,-73.898583,Last Stop,Manhattan,0,0,0,,POINT (-73.898583 40.889248)",
    'A02,143,143,IND,8th Av - Fulton St,Inwood-207 St,M,FALSE,A,Subway,40.868072,-73.919899,Last Stop,Downtown,1,1,1,"elevator, street to mezzanine",POINT (-73.919899 40.868072)',
  ].join("\n"),
};

/** The same two stations with the column names and order used before 2024. */
export const OLD_STATIONS_CSV = [
  "Station ID,Complex ID,GTFS Stop ID,Division,Line,Stop Name,Borough,Daytime Routes,Structure,GTFS Latitude,GTFS Longitude,North Direction Label,South Direction Label,ADA,ADA Direction Notes,ADA NB,ADA SB,Capital Outage NB,Capital Outage SB",
  "293,293,101,IRT,Broadway - 7Av,Van Cortlandt Park-242 St,Bx,1,Elevated,40.889248,-73.898583,,Manhattan,0,,0,0,,",
  "143,143,A02,IND,8th Av - Fulton St,Inwood-207 St,M,A,Subway,40.868072,-73.919899,,Downtown,2,northbound only,1,0,,",
].join("\n");
