<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlarmDesk</name>
    <message numerus="yes">
        <source>%n alarm event(s) written to {0}</source>
        <translation>
            <numerusform>%n alarm event written to {0}</numerusform>
            <numerusform>%n alarm events written to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmNotifier</name>
    <message numerus="yes">
        <source>%n alarm(s) raised</source>
        <translation>
            <numerusform>%n alarm raised</numerusform>
            <numerusform>%n alarms raised</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmView</name>
    <message numerus="yes">
        <source>%n active alarm(s)</source>
        <translation>
            <numerusform>%n active alarm</numerusform>
            <numerusform>%n active alarms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmsPanel</name>
    <message numerus="yes">
        <source>%n alarm(s) active now.</source>
        <translation>
            <numerusform>%n alarm active now.</numerusform>
            <numerusform>%n alarms active now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrokerLinkText</name>
    <message numerus="yes">
        <source>MQTT: connected, %Ln message(s)/s</source>
        <translation>
            <numerusform>MQTT: connected, %Ln message/s</numerusform>
            <numerusform>MQTT: connected, %Ln messages/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) per second</source>
        <translation>
            <numerusform>%Ln message per second</numerusform>
            <numerusform>%Ln messages per second</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockBox</name>
    <message numerus="yes">
        <source>%Ln served</source>
        <translation>
            <numerusform>%Ln served</numerusform>
            <numerusform>%Ln served</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message numerus="yes">
        <source>%Ln more rejected messages in the last {0} s</source>
        <translation>
            <numerusform>%Ln more rejected message in the last {0} s</numerusform>
            <numerusform>%Ln more rejected messages in the last {0} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln readings received again were already stored: each is kept once</source>
        <translation>
            <numerusform>%Ln reading received again was already stored: it is kept once</numerusform>
            <numerusform>%Ln readings received again were already stored: each is kept once</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EchoBox</name>
    <message numerus="yes">
        <source>%Ln connected</source>
        <translation>
            <numerusform>%Ln connected</numerusform>
            <numerusform>%Ln connected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetSession</name>
    <message numerus="yes">
        <source>{0} reports the temperature in {1} every %n min.</source>
        <translation>
            <numerusform>{0} reports the temperature in {1} every minute.</numerusform>
            <numerusform>{0} reports the temperature in {1} every %n min.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadyBanner</name>
    <message numerus="yes">
        <source>%n sensor(s) ready: start them to send readings to {0}.</source>
        <translation>
            <numerusform>%n sensor ready: start it to send readings to {0}.</numerusform>
            <numerusform>%n sensors ready: start them to send readings to {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SensorDialog</name>
    <message numerus="yes">
        <source>%n sensor(s): {0} … {1}</source>
        <translation>
            <numerusform>%n sensor: {0} … {1}</numerusform>
            <numerusform>%n sensors: {0} … {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SensorFleetModel</name>
    <message numerus="yes">
        <source>%Ln fault(s)</source>
        <translation>
            <numerusform>%Ln fault</numerusform>
            <numerusform>%Ln faults</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln piece(s)</source>
        <translation>
            <numerusform>%Ln piece</numerusform>
            <numerusform>%Ln pieces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerWindow</name>
    <message numerus="yes">
        <source>%Ln readings/s</source>
        <translation>
            <numerusform>%Ln reading/s</numerusform>
            <numerusform>%Ln readings/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimulatorWindow</name>
    <message numerus="yes">
        <source>%Ln readings/s</source>
        <translation>
            <numerusform>%Ln reading/s</numerusform>
            <numerusform>%Ln readings/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove all %n sensor(s)? Their settings are lost; the readings the server stored stay.</source>
        <translation>
            <numerusform>Remove the sensor? Its settings are lost; the readings the server stored stay.</numerusform>
            <numerusform>Remove all %n sensors? Their settings are lost; the readings the server stored stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WireModel</name>
    <message numerus="yes">
        <source>{0} (across %n chunk(s))</source>
        <translation>
            <numerusform>{0} (across %n chunk)</numerusform>
            <numerusform>{0} (across %n chunks)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WireView</name>
    <message numerus="yes">
        <source>{0} event(s) were not shown: the connection went faster than this window reads.</source>
        <translation>
            <numerusform>{0} event was not shown: the connection went faster than this window reads.</numerusform>
            <numerusform>{0} events were not shown: the connection went faster than this window reads.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ExportWorker</name>
    <message numerus="yes">
        <source>%Ln reading(s) exported to {0}</source>
        <translation>
            <numerusform>%Ln reading exported to {0}</numerusform>
            <numerusform>%Ln readings exported to {0}</numerusform>
        </translation>
    </message>
</context>
</TS>
